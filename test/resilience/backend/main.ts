/*
 * One backend replica for the multi-process resilience suites, run as a
 * child process (`node --require @backstage/cli/config/nodeTransform.cjs`):
 * backend-defaults (database, the real scheduler, the default UrlReaders,
 * HTTP) with the Alpine Advisor plugin and an in-memory catalog of synthetic
 * services served by the fault server. Options come as JSON in
 * RESILIENCE_BACKEND; events go to the parent over IPC (see `messages.ts`).
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { benchCatalog } from '../../bench/backend/syntheticCatalog';
import { syntheticServices } from '../support/syntheticServices';
import { IpcLogger } from './IpcLogger';
import type { ParentMessage, ReplicaMessage, ReplicaOptions } from './messages';

const SWEEP_TASK_ID = 'alpine-advisor-catalog-sweep';

function send(message: ReplicaMessage) {
  process.send?.(message);
}

async function main() {
  const options: ReplicaOptions = JSON.parse(
    process.env.RESILIENCE_BACKEND ?? 'null',
  );
  if (!options) {
    throw new Error('RESILIENCE_BACKEND (JSON options) is not set');
  }
  let scheduler: SchedulerService | undefined;
  const backend = createBackend();
  backend.add(import('@alpine-advisor/backstage-plugin-backend'));
  if (options.events) {
    backend.add(import('@backstage/plugin-events-backend'));
    backend.add(import('@backstage/plugin-events-backend-module-github'));
  }
  backend.add(
    createBackendModule({
      pluginId: 'alpine-advisor',
      moduleId: 'resilience-control',
      register(env) {
        env.registerInit({
          deps: { pluginScheduler: coreServices.scheduler },
          async init({ pluginScheduler }) {
            scheduler = pluginScheduler;
          },
        });
      },
    }),
  );
  backend.add(
    createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () =>
        benchCatalog(syntheticServices(options.services, options.scmBaseUrl)),
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => new IpcLogger(options.replica, send),
    }),
  );
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://127.0.0.1:${options.port}`,
          listen: { port: options.port, host: '127.0.0.1' },
          database: options.database,
          reading: { allow: [{ host: options.scmHost }] },
        },
        alpineAdvisor: {
          schedule: options.schedule,
          concurrency: options.concurrency,
          entityTimeout: { seconds: options.entityTimeoutSeconds },
          rescan: { minimumInterval: { seconds: 0 } },
          analysisWorkers: 0,
          ...(options.events
            ? {
                events: {
                  enabled: true,
                  concurrency: options.events.concurrency,
                  minimumInterval: {
                    seconds: options.events.minimumIntervalSeconds,
                  },
                  pollInterval: {
                    seconds: options.events.pollIntervalSeconds,
                  },
                },
              }
            : {}),
        },
        ...(options.events
          ? {
              events: {
                modules: {
                  github: { webhookSecret: options.events.webhookSecret },
                },
              },
            }
          : {}),
      },
    }),
  );
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(
    mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
  );

  process.on('message', async (message: ParentMessage) => {
    if (message.type === 'trigger') {
      try {
        await scheduler!.triggerTask(SWEEP_TASK_ID);
        send({ type: 'triggered', ok: true });
      } catch (error) {
        send({ type: 'triggered', ok: false, error: String(error) });
      }
    } else if (message.type === 'stop') {
      await backend.stop();
      process.exit(0);
    }
  });
  // Without a parent there is nobody to stop us.
  process.on('disconnect', () => process.exit(0));

  await backend.start();
  send({ type: 'ready' });
}

main().catch(error => {
  process.stderr.write(`replica failed to start: ${error?.stack ?? error}\n`);
  process.exit(1);
});
