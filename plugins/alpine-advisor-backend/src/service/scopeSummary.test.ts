import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity, EntityRelation } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  APK_CACHE_DOCKERFILE,
  CLEAN_DOCKERFILE,
} from '../__testUtils__/entities';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';
import { alpineAdvisorPlugin } from '../plugin';

jest.setTimeout(60_000);

const mockDir = createMockDirectory();

const relation = (type: string, targetRef: string): EntityRelation => ({
  type,
  targetRef,
});

function group(name: string, children: string[], parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', uid: `uid-group-${name}` },
    spec: { type: 'team', children },
    // The catalog relates groups both ways; the mock catalog does not derive relations.
    relations: [
      ...children.map(child => relation('parentOf', `group:default/${child}`)),
      ...(parent ? [relation('childOf', `group:default/${parent}`)] : []),
    ],
  };
}

function component(name: string, owner: string, systemName?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      annotations: {
        'backstage.io/managed-by-location': `file:${mockDir.resolve(
          `services/${name}/catalog-info.yaml`,
        )}`,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner,
      ...(systemName ? { system: systemName } : {}),
    },
    relations: [
      relation('ownedBy', `group:default/${owner}`),
      ...(systemName
        ? [relation('partOf', `system:default/${systemName}`)]
        : []),
    ],
  };
}

function system(name: string, domainName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default', uid: `uid-system-${name}` },
    spec: { owner: 'team-a', domain: domainName },
    relations: [relation('partOf', `domain:default/${domainName}`)],
  };
}

function domain(name: string, systems: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name, namespace: 'default', uid: `uid-domain-${name}` },
    spec: { owner: 'team-a' },
    relations: systems.map(name_ =>
      relation('hasPart', `system:default/${name_}`),
    ),
  };
}

/*
 * acme ─┬─ team-a ── team-a-sub
 *       └─ team-b
 * orders (team-a, shop, grade A), billing (team-a-sub, shop, B),
 * secret-project (team-x, shop, B), stock (team-b, warehouse, A);
 * shop is in commerce, warehouse in logistics.
 */
const ENTITIES: Entity[] = [
  group('acme', ['team-a', 'team-b']),
  group('team-a', ['team-a-sub'], 'acme'),
  group('team-a-sub', [], 'team-a'),
  group('team-b', [], 'acme'),
  component('orders', 'team-a', 'shop'),
  component('billing', 'team-a-sub', 'shop'),
  component('secret-project', 'team-x', 'shop'),
  component('stock', 'team-b', 'warehouse'),
  system('shop', 'commerce'),
  system('warehouse', 'logistics'),
  domain('commerce', ['shop']),
  domain('logistics', ['warehouse']),
];

const ALLOW_ALL = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW } as const)),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW } as const)),
};

const CONDITIONAL: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims: [] },
  },
};

const TODAY = () => new Date().toISOString().slice(0, 10);

async function startBackend(
  options: {
    permissions?: Parameters<typeof mockServices.permissions.mock>[0];
    hiddenFrom?: Record<string, string[]>;
    catalog?: ReturnType<typeof visibilityCatalogFactory>;
  } = {},
) {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const { server } = await startTestBackend({
    features: [
      alpineAdvisorPlugin,
      options.catalog ?? visibilityCatalogFactory(ENTITIES, options.hiddenFrom),
      mockServices.rootConfig.factory({
        data: {
          alpineAdvisor: {
            localSources: { allowedDirectories: [mockDir.resolve('services')] },
          },
        },
      }),
      mockServices.permissions.mock(options.permissions ?? ALLOW_ALL).factory,
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }).factory,
    ],
  });
  await tasks[0].fn(new AbortController().signal as any);
  const get = (path: string) =>
    request(server).get(`/api/alpine-advisor${path}`);
  return { server, get };
}

const names = (items: Array<{ name: string }>) => items.map(item => item.name);

describe('GET /scopes/:kind/:namespace/:name/summary', () => {
  beforeEach(() => {
    mockDir.setContent({
      services: Object.fromEntries(
        [
          ['orders', CLEAN_DOCKERFILE],
          ['billing', APK_CACHE_DOCKERFILE],
          ['secret-project', APK_CACHE_DOCKERFILE],
          ['stock', CLEAN_DOCKERFILE],
        ].map(([name, dockerfile]) => [
          name,
          { 'catalog-info.yaml': 'kind: Component', Dockerfile: dockerfile },
        ]),
      ),
    });
  });

  it('sums up a group with the services its child groups own, validated against the spec', async () => {
    const { get } = await startBackend();

    const teamA = await get('/scopes/group/default/team-a/summary');
    expect(teamA.body.error).toBeUndefined();
    expect(teamA.status).toBe(200);
    expect(teamA.body).toMatchObject({
      entityRef: 'group:default/team-a',
      kind: 'group',
      filter: { owner: ['group:default/team-a', 'group:default/team-a-sub'] },
      summary: {
        entityCount: 2,
        scoredCount: 2,
        gradeCounts: { A: 1, B: 1, C: 0, D: 0, F: 0 },
        compliantCount: 2,
        policy: { minimumGrade: 'B' },
        muslBreakingRisks: { entityCount: 0, rules: [] },
        topRules: [
          expect.objectContaining({ ruleId: 'apk-no-cache', entityCount: 1 }),
        ],
      },
      trend: [
        expect.objectContaining({
          day: TODAY(),
          scannedCount: 2,
          gradeCounts: { A: 1, B: 1, C: 0, D: 0, F: 0 },
        }),
      ],
    });
    expect(names(teamA.body.worstServices)).toEqual(['billing', 'orders']);

    // The organisation: every team below it, recursively; team-x is not one.
    const acme = await get('/scopes/Group/default/acme/summary?days=7');
    expect(acme.body.filter.owner.sort()).toEqual([
      'group:default/acme',
      'group:default/team-a',
      'group:default/team-a-sub',
      'group:default/team-b',
    ]);
    expect(acme.body.summary.entityCount).toBe(3);
    expect(names(acme.body.worstServices)).toEqual([
      'billing',
      'orders',
      'stock',
    ]);

    // A leaf team: its own services only.
    const teamB = await get('/scopes/group/default/team-b/summary');
    expect(teamB.body.summary.entityCount).toBe(1);
    expect(names(teamB.body.worstServices)).toEqual(['stock']);
  });

  it('sums up a system by its components and a domain by its systems’ components', async () => {
    const { get } = await startBackend();

    const shop = await get('/scopes/system/default/shop/summary');
    expect(shop.status).toBe(200);
    expect(shop.body).toMatchObject({
      entityRef: 'system:default/shop',
      kind: 'system',
      filter: { system: ['system:default/shop'] },
      summary: { entityCount: 3, gradeCounts: { A: 1, B: 2 } },
    });
    expect(names(shop.body.worstServices)).toEqual([
      'billing',
      'secret-project',
      'orders',
    ]);

    const commerce = await get('/scopes/domain/default/commerce/summary');
    expect(commerce.body).toMatchObject({
      entityRef: 'domain:default/commerce',
      kind: 'domain',
      filter: { domain: ['domain:default/commerce'] },
      summary: { entityCount: 3 },
    });
    const logistics = await get('/scopes/domain/default/logistics/summary');
    expect(names(logistics.body.worstServices)).toEqual(['stock']);
  });

  it('counts only the services the catalog lets the caller read, listing just the scope’s', async () => {
    const queries: unknown[] = [];
    const catalog = visibilityCatalogFactory(
      ENTITIES,
      { 'user:default/mock': ['component:default/secret-project'] },
      filter => queries.push(filter),
    );
    const { get } = await startBackend({
      catalog,
      permissions: {
        ...ALLOW_ALL,
        authorizeConditional: async () => [CONDITIONAL],
      },
    });
    queries.length = 0;

    const shop = await get('/scopes/system/default/shop/summary');
    expect(shop.status).toBe(200);
    expect(shop.body.summary.entityCount).toBe(2);
    expect(names(shop.body.worstServices)).toEqual(['billing', 'orders']);
    expect(shop.body.trend[0].scannedCount).toBe(2);
    expect(JSON.stringify(shop.body)).not.toContain('secret-project');
    // The catalog was asked for the system's components, not the whole catalog.
    expect(queries).toEqual([
      [{ kind: 'Component', 'relations.partOf': ['system:default/shop'] }],
    ]);

    queries.length = 0;
    const commerce = await get('/scopes/domain/default/commerce/summary');
    expect(commerce.body.summary.entityCount).toBe(2);
    const acme = await get('/scopes/group/default/acme/summary');
    expect(acme.body.summary.entityCount).toBe(3);
  });

  it('does not descend into a child group the caller may not read, as the ownership card', async () => {
    const { get } = await startBackend({
      hiddenFrom: { 'user:default/mock': ['group:default/team-a-sub'] },
    });
    const teamA = await get('/scopes/group/default/team-a/summary');
    expect(teamA.body.filter.owner).toEqual(['group:default/team-a']);
    expect(names(teamA.body.worstServices)).toEqual(['orders']);
  });

  it('answers 404 for a hidden scope as for an unknown one, and 400 for other kinds', async () => {
    const { get } = await startBackend({
      hiddenFrom: { 'user:default/mock': ['group:default/team-b'] },
    });
    const hidden = await get('/scopes/group/default/team-b/summary');
    const unknown = await get('/scopes/group/default/no-such-team/summary');
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.body.error.name).toBe(unknown.body.error.name);
    // A ref of the right name but another kind is no scope either.
    expect((await get('/scopes/system/default/team-a/summary')).status).toBe(
      404,
    );

    for (const path of [
      '/scopes/component/default/orders/summary',
      '/scopes/group/default/team-a/summary?days=0',
      '/scopes/group/default/team-a/summary?days=many',
      '/scopes/group/default/team-a/summary?page=2',
    ]) {
      const invalid = await get(path);
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.name).toBe('InputError');
    }
  });

  it('needs alpine-advisor.report.read', async () => {
    const { server } = await startBackend({
      permissions: {
        ...ALLOW_ALL,
        authorize: async (requests: unknown[]) =>
          requests.map(() => ({ result: AuthorizeResult.DENY } as const)),
      },
    });
    const denied = await request(server)
      .get('/api/alpine-advisor/scopes/group/default/team-a/summary')
      .set('Authorization', mockCredentials.user.header());
    expect(denied.status).toBe(403);
  });
});
