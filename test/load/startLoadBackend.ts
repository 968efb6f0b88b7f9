import { alpineAdvisorSourceReadersExtensionPoint } from '@alpine-advisor/backstage-plugin-node';
import { createBackend } from '@backstage/backend-defaults';
import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import { benchCatalog } from '../bench/backend/syntheticCatalog';
import { InMemoryLoadSources } from './inMemorySources';

/** Keeps the load test's output to what it measures: warnings and errors only. */
const quietLogger = mockServices.rootLogger.factory({ level: 'warn' });

/**
 * A real backend (backend-defaults: HTTP server, database, scheduler) with
 * the Alpine Advisor plugin, an in-memory catalog of `entities`, sources
 * served from memory, mock auth (every request is a signed-in user) and an
 * allow-all permission policy. The scheduled sweep starts a second after
 * start and fills the store.
 */
export async function startLoadBackend(options: {
  entities: Entity[];
  database: JsonObject;
  port: number;
}) {
  const backend = createBackend();
  backend.add(import('@alpine-advisor/backstage-plugin-backend'));
  backend.add(
    createBackendModule({
      pluginId: 'alpine-advisor',
      moduleId: 'load-test-sources',
      register(env) {
        env.registerInit({
          deps: { sources: alpineAdvisorSourceReadersExtensionPoint },
          async init({ sources }) {
            sources.addSourceReader(new InMemoryLoadSources());
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
  backend.add(quietLogger);
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://127.0.0.1:${options.port}`,
          listen: { host: '127.0.0.1', port: options.port },
          database: options.database,
        },
        alpineAdvisor: {
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 30 },
            initialDelay: { seconds: 1 },
          },
          concurrency: 16,
          catalogPageSize: 500,
        },
      },
    }),
  );
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(
    mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
  );
  await backend.start();
  return { stop: () => backend.stop() };
}
