import { createBackend } from '@backstage/backend-defaults';
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
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { BenchReader, benchCatalog } from './syntheticCatalog';

export const SWEEP_TASK_ID = 'alpine-advisor-catalog-sweep';

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
  const backend = createBackend();

  backend.add(import('@alpine-advisor/backstage-plugin-backend'));
  backend.add(
    createBackendModule({
      pluginId: 'alpine-advisor',
      moduleId: 'bench',
      register(env) {
        env.registerInit({
          deps: {
            pluginScheduler: coreServices.scheduler,
            pluginUrlReader: coreServices.urlReader,
          },
          async init({ pluginScheduler, pluginUrlReader }) {
            scheduler = pluginScheduler;
            urlReader = pluginUrlReader;
          },
        });
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
        alpineAdvisor: {
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
    stop: () => backend.stop(),
  };
}
