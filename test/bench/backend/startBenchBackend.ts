import { createBackend } from '@backstage/backend-defaults';
import {
  UrlReaders,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AnswersFromMemory } from './answersFromMemory';
import { BenchReader, benchCatalog } from './syntheticCatalog';

const DAY_MS = 24 * 60 * 60 * 1000;
const benchDay = (days: number) =>
  new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Campaigns timed by run.ts (CAMPAIGN_PATHS): the whole organisation, a
 * team and a lifecycle, each condition once, over the last 30 days.
 */
export const BENCH_CAMPAIGNS = [
  {
    id: 'bench-eol',
    title: 'No end-of-life Alpine',
    condition: 'eol-alpine',
    startsOn: benchDay(-30),
    deadline: benchDay(60),
  },
  {
    id: 'bench-musl-team-7',
    title: 'No breaking musl risk in team-7',
    condition: 'breaking-musl',
    scope: { owner: ['group:default/team-7'] },
    startsOn: benchDay(-30),
    deadline: benchDay(60),
  },
  {
    id: 'bench-apk-cache',
    title: 'No apk cache in production',
    condition: 'rules',
    rules: ['apk-no-cache'],
    scope: { lifecycle: ['production'] },
    startsOn: benchDay(-30),
    deadline: benchDay(60),
  },
];

export const SWEEP_TASK_ID = 'alpine-advisor-catalog-sweep';

/** The secret the bench signs its push events with. */
export const BENCH_WEBHOOK_SECRET = 'bench-webhook-secret';

/** What the plugin logged at the end of a sweep. */
export interface SweepLog {
  listed: number;
  durationMs: number;
  analysed: number;
  unchanged: number;
  failed: number;
  message: string;
}

/** Prints warnings and errors, and hands sweep summaries to the bench. */
class BenchLogger implements LoggerService {
  constructor(private readonly onSweep: (log: SweepLog) => void) {}
  error(message: string, meta?: Error | JsonObject) {
    console.error(
      `  [backend error] ${message}`,
      meta instanceof Error ? meta.message : '',
    );
  }
  warn(message: string) {
    if (!/events backend not found|permissions disabled/i.test(message)) {
      console.error(`  [backend warn] ${message}`);
    }
  }
  info(message: string) {
    const match =
      /^Alpine Advisor sweep: (\d+) entities in (\d+) ms — (\d+) analysed, (\d+) unchanged, (\d+) failed/.exec(
        message,
      );
    if (match) {
      const [, listed, durationMs, analysed, unchanged, failed] =
        match.map(Number);
      this.onSweep({
        listed,
        durationMs,
        analysed,
        unchanged,
        failed,
        message,
      });
    }
  }
  debug() {}
  child(_meta: JsonObject): LoggerService {
    return this;
  }
}

/**
 * A real backend (backend-defaults: database, scheduler, the default
 * UrlReaders incl. FetchUrlReader, HTTP router) with the Alpine Advisor
 * plugin, an in-memory catalog and allow-all auth and permissions.
 */
export async function startBenchBackend(options: {
  entities: Entity[];
  database: JsonObject;
  scmHost: string;
  port: number;
  concurrency: number;
  pageSize: number;
  /** Undefined: the plugin's default. */
  analysisWorkers?: number;
  /** `github`: the SCM host is configured as a GitHub Enterprise integration. */
  reader?: BenchReader;
}) {
  const sweepWaiters: Array<(log: SweepLog) => void> = [];
  let scheduler: SchedulerService | undefined;
  let urlReader: UrlReaderService | undefined;
  // One per plugin (the UrlReader is a plugin service).
  const answerers: AnswersFromMemory[] = [];
  let database: Knex | undefined;
  const backend = createBackend();

  backend.add(import('@alpine-advisor/backstage-plugin-backend'));
  // Push events: webhooks in through the events backend's GitHub module.
  backend.add(import('@backstage/plugin-events-backend'));
  backend.add(import('@backstage/plugin-events-backend-module-github'));
  backend.add(
    createBackendModule({
      pluginId: 'alpine-advisor',
      moduleId: 'bench',
      register(env) {
        env.registerInit({
          deps: {
            pluginScheduler: coreServices.scheduler,
            pluginUrlReader: coreServices.urlReader,
            pluginDatabase: coreServices.database,
          },
          async init({ pluginScheduler, pluginUrlReader, pluginDatabase }) {
            scheduler = pluginScheduler;
            urlReader = pluginUrlReader;
            database = await pluginDatabase.getClient();
          },
        });
      },
    }),
  );
  // The default UrlReader service, able to answer from memory on request.
  backend.add(
    createServiceFactory({
      service: coreServices.urlReader,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        factories: urlReaderFactoriesServiceRef,
      },
      factory: ({ config, logger, factories }) => {
        const answerer = new AnswersFromMemory(
          UrlReaders.default({ config, logger, factories }),
        );
        answerers.push(answerer);
        return answerer;
      },
    }),
  );
  backend.add(
    createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => benchCatalog(options.entities),
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => new BenchLogger(log => sweepWaiters.shift()?.(log)),
    }),
  );
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://localhost:${options.port}`,
          listen: { port: options.port },
          database: options.database,
          reading: { allow: [{ host: options.scmHost }] },
        },
        ...(options.reader === 'github'
          ? {
              integrations: {
                github: [
                  {
                    host: options.scmHost,
                    apiBaseUrl: `http://${options.scmHost}/api/v3`,
                    rawBaseUrl: `http://${options.scmHost}/raw`,
                    token: 'bench-token',
                  },
                ],
              },
            }
          : {}),
        events: {
          modules: { github: { webhookSecret: BENCH_WEBHOOK_SECRET } },
        },
        alpineAdvisor: {
          events: { enabled: true, minimumInterval: { seconds: 0 } },
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 30 },
            initialDelay: { seconds: 1 },
          },
          concurrency: options.concurrency,
          ...(options.analysisWorkers === undefined
            ? {}
            : { analysisWorkers: options.analysisWorkers }),
          catalogPageSize: options.pageSize,
          entityTimeout: { seconds: 60 },
          campaigns: BENCH_CAMPAIGNS,
        },
      },
    }),
  );
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(
    mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
  );

  const nextSweep = () =>
    new Promise<SweepLog>(resolve => {
      sweepWaiters.push(resolve);
    });
  // The schedule runs the first sweep one second after start.
  const firstSweep = nextSweep();
  await backend.start();

  return {
    firstSweep,
    async sweepAgain(): Promise<SweepLog> {
      const done = nextSweep();
      await scheduler!.triggerTask(SWEEP_TASK_ID);
      return done;
    },
    /** The UrlReader the plugin reads with. */
    urlReader: () => urlReader!,
    /** From now on, the UrlReader answers reads that name an ETag or commit from memory (see AnswersFromMemory), or reads again. */
    answerFromMemory(on: boolean) {
      for (const answerer of answerers) {
        answerer.answerFromMemory = on;
      }
    },
    /** The plugin's own database (to give it history at depth). */
    database: () => database!,
    stop: () => backend.stop(),
  };
}
