import {
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import alpineAdvisorPlugin from '@alpine-advisor/backstage-plugin-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { MockDirectory } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { Server } from 'node:http';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import request from 'supertest';
import { TeamScopedPolicy } from './teamScopedPolicy';

const SWEEP_TASK_ID = 'alpine-advisor-catalog-sweep';

/** A user of the test backend: who they are and which groups they belong to. */
export interface TestUser {
  userEntityRef: string;
  groups: string[];
  /** Restricted users see only their groups' entities and may not rescan. */
  restricted: boolean;
}

/** A catalog Component whose only Dockerfile is `dockerfile`, read from a local folder. */
export interface TestService {
  name: string;
  owner: string;
  system?: string;
  dockerfile: string;
  annotations?: Record<string, string>;
}

function componentEntity(service: TestService, folder: string): Entity {
  const location = `file:${folder}/catalog-info.yaml`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: service.name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        ...service.annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: service.owner,
      ...(service.system ? { system: service.system } : {}),
    },
  };
}

/** A running security test backend and what tests need to drive it. */
export interface SecurityBackend {
  server: Server;
  /** The plugin's base path on the server. */
  api: string;
  /** An Authorization header for the user. */
  asUser(userEntityRef: string): string;
  auditor: ReturnType<typeof mockServices.auditor.mock>;
  sourceRoot: MockDirectory;
  /** The plugin's SQL statements, in order; tests may empty it. */
  queries: SqlQuery[];
}

/** A statement the Alpine Advisor plugin sent to its database. */
export interface SqlQuery {
  sql: string;
  bindings?: unknown[];
}

/** Records the plugin's SQL, to check how hostile input reaches the database. */
function queryLogModule(queries: SqlQuery[]) {
  return createBackendModule({
    pluginId: 'alpine-advisor',
    moduleId: 'security-test-query-log',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          const client = await database.getClient();
          client.on('query', (query: SqlQuery) => {
            queries.push({ sql: query.sql, bindings: query.bindings });
          });
        },
      });
    },
  });
}

function entityProviderModule(entities: Entity[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'security-test-entities',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'security-test-entities',
            connect: async connection => {
              await connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({
                  entity,
                  locationKey: 'security-test-entities',
                })),
              });
            },
          });
        },
      });
    },
  });
}

function policyModule(policy: TeamScopedPolicy) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'team-scoped-policy',
    register(env) {
      env.registerInit({
        deps: { policies: policyExtensionPoint },
        async init({ policies }) {
          policies.setPolicy(policy);
        },
      });
    },
  });
}

/**
 * The mock auth service, except that a plugin calling another on a user's
 * behalf sends a user token with the plugin as actor, as real Backstage
 * tokens do. (The stock mock turns it into a plain user token, which the
 * permission backend rightly refuses for conditional decisions.)
 */
const onBehalfOfAuthFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    const auth: AuthService = Object.create(inner);
    auth.getPluginRequestToken = async options => {
      const principal = options.onBehalfOf.principal as {
        type: string;
        userEntityRef?: string;
      };
      if (principal.type === 'user' && principal.userEntityRef) {
        return {
          token: mockCredentials.user.token(principal.userEntityRef, {
            actor: { subject: `plugin:${plugin.getId()}` },
          }),
        };
      }
      return inner.getPluginRequestToken(options);
    };
    return auth;
  },
});

/** Group membership as the auth backend would resolve it at sign-in. */
function userInfoFactory(users: TestUser[]) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials) {
        const { userEntityRef } = credentials.principal as {
          userEntityRef: string;
        };
        const user = users.find(u => u.userEntityRef === userEntityRef);
        return {
          userEntityRef,
          ownershipEntityRefs: [userEntityRef, ...(user?.groups ?? [])],
        };
      },
    }),
  });
}

/** The catalog processes provided entities asynchronously; wait until all are served. */
async function waitForCatalog(server: any, expected: number) {
  let last = '';
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await request(server)
      .get('/api/catalog/entities/by-query?filter=kind=component&limit=1000')
      .set('Authorization', mockCredentials.user.header());
    if (response.status === 200 && response.body.items.length === expected) {
      return;
    }
    last = `${response.status} ${response.text.slice(0, 300)}`;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(
    `The catalog did not serve ${expected} components in time; last answer: ${last}`,
  );
}

/**
 * Waits until the catalog serves every entity with its relations stitched
 * (owners, parts, parent and child groups), which team, system and domain
 * summaries read.
 */
async function waitForRelations(server: any, expected: number) {
  const related = (entity: any) =>
    !(
      entity.spec?.owner ||
      entity.spec?.parent ||
      entity.spec?.children?.length
    ) || (entity.relations ?? []).length > 0;
  let last = '';
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await request(server)
      .get('/api/catalog/entities/by-query?limit=1000')
      .set('Authorization', mockCredentials.user.header());
    const items = response.body.items ?? [];
    if (items.length === expected && items.every(related)) {
      return;
    }
    last = `${response.status}: ${items.length} entities`;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(
    `The catalog did not relate its entities in time; last: ${last}`,
  );
}

/**
 * A backend as production runs it, minus the network: the real catalog
 * backend (fed by an entity provider), the real permission backend with a
 * real policy module and the real permissions client, and the Alpine
 * Advisor plugin reading Dockerfiles from a temporary folder. The scheduler
 * is captured so tests run the sweep when they choose.
 */
export async function startSecurityBackend(options: {
  services: TestService[];
  users: TestUser[];
  /** Groups, systems and domains besides the services' components. */
  entities?: Entity[];
  /** More `alpineAdvisor` settings (e.g. campaigns). */
  alpineAdvisor?: Record<string, unknown>;
}): Promise<SecurityBackend> {
  const sourceRoot = createMockDirectory();
  sourceRoot.setContent(
    Object.fromEntries(
      options.services.map(service => [
        service.name,
        {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: service.dockerfile,
        },
      ]),
    ),
  );
  const components = options.services.map(service =>
    componentEntity(service, sourceRoot.resolve(service.name)),
  );
  // The catalog processes only entities that say where they come from.
  const location = `file:${sourceRoot.resolve('org.yaml')}`;
  const entities = [
    ...components,
    ...(options.entities ?? []).map(entity => ({
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          'backstage.io/managed-by-location': location,
          'backstage.io/managed-by-origin-location': location,
          ...entity.metadata.annotations,
        },
      },
    })),
  ];
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const auditor = mockServices.auditor.mock();
  const queries: SqlQuery[] = [];

  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      permissionPlugin,
      alpineAdvisorPlugin,
      entityProviderModule(entities),
      policyModule(
        new TeamScopedPolicy(
          new Set(
            options.users.filter(u => u.restricted).map(u => u.userEntityRef),
          ),
        ),
      ),
      permissionsServiceFactory,
      userInfoFactory(options.users),
      onBehalfOfAuthFactory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          catalog: {
            rules: [
              {
                allow: ['Component', 'System', 'Domain', 'Group', 'User'],
              },
            ],
          },
          alpineAdvisor: {
            localSources: { allowedDirectories: [sourceRoot.path] },
            rescan: { minimumInterval: { seconds: 0 } },
            ...options.alpineAdvisor,
          },
        },
      }),
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }).factory,
      auditor.factory,
      queryLogModule(queries),
    ],
  });

  const api = `/api/alpine-advisor`;
  const asUser = (userEntityRef: string) =>
    mockCredentials.user.header(userEntityRef);

  await waitForCatalog(server, components.length);
  if (options.entities?.length) {
    await waitForRelations(server, entities.length);
  }
  const sweepTask = tasks.find(task => task.id === SWEEP_TASK_ID);
  if (!sweepTask) {
    throw new Error('The Alpine Advisor sweep was not scheduled');
  }
  await sweepTask.fn(new AbortController().signal as any);

  return { server, api, asUser, auditor, sourceRoot, queries };
}
