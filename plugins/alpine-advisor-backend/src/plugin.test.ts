import type { AdditionalRule } from '@alpine-advisor/analyzer';
import {
  alpineAdvisorRulesExtensionPoint,
  alpineAdvisorSourceReadersExtensionPoint,
} from '@alpine-advisor/backstage-plugin-node';
import {
  createBackendModule,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  APK_CACHE_DOCKERFILE,
  CLEAN_DOCKERFILE,
} from './__testUtils__/entities';
import { visibilityCatalogFactory } from './__testUtils__/visibilityCatalog';
import { alpineAdvisorPlugin } from './plugin';

jest.setTimeout(60_000);

const mockDir = createMockDirectory();

function localComponent(
  name: string,
  options: { owner?: string; annotations?: Record<string, string> } = {},
): Entity {
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
        ...options.annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'team-a',
    },
  };
}

const ENTITIES = [
  localComponent('orders'),
  localComponent('billing', { owner: 'team-b' }),
  localComponent('secret-project', { owner: 'team-x' }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default', uid: 'uid-alice' },
    spec: {},
  },
];

const ALLOW_ALL = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW } as const)),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW } as const)),
};

async function startBackend(
  options: {
    permissions?: Parameters<typeof mockServices.permissions.mock>[0];
    modules?: ReturnType<typeof createBackendModule>[];
    hiddenFrom?: Record<string, string[]>;
    entities?: Entity[];
  } = {},
) {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const auditor = mockServices.auditor.mock();
  const { server } = await startTestBackend({
    features: [
      alpineAdvisorPlugin,
      ...(options.modules ?? []),
      visibilityCatalogFactory(
        options.entities ?? ENTITIES,
        options.hiddenFrom,
      ),
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
      auditor.factory,
    ],
  });
  const sweep = () => tasks[0].fn(new AbortController().signal as any);
  return { server, sweep, tasks, auditor };
}

describe('alpineAdvisorPlugin', () => {
  beforeEach(() => {
    mockDir.setContent({
      services: {
        orders: {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: CLEAN_DOCKERFILE,
        },
        billing: {
          'catalog-info.yaml': 'kind: Component',
          apps: { api: { Dockerfile: APK_CACHE_DOCKERFILE } },
        },
        'secret-project': {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: APK_CACHE_DOCKERFILE,
        },
      },
    });
  });

  it('serves an unauthenticated health endpoint and its OpenAPI spec', async () => {
    const { server, tasks } = await startBackend();
    const health = await request(server)
      .get('/api/alpine-advisor/health')
      .set('Authorization', mockCredentials.none.header());
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });

    const spec = await request(server).get('/api/alpine-advisor/openapi.json');
    expect(spec.body.info.title).toBe('alpine-advisor');
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'alpine-advisor-catalog-sweep',
        scope: 'global',
      }),
      expect.objectContaining({
        id: 'alpine-advisor-knowledge-refresh',
        scope: 'global',
        frequency: { days: 1 },
      }),
      expect.objectContaining({
        id: 'alpine-advisor-waiver-expiry',
        scope: 'global',
      }),
      // Notifications are on by default: campaign deadlines are told.
      expect.objectContaining({
        id: 'alpine-advisor-campaign-notices',
        scope: 'global',
        frequency: { hours: 1 },
      }),
    ]);
  });

  it('answers entity reports after a sweep, validated against the spec', async () => {
    const { server, sweep } = await startBackend();
    const before = await request(server).get(
      '/api/alpine-advisor/entities/component/default/orders',
    );
    expect(before.status).toBe(404);
    expect(before.body.error).toMatchObject({
      name: 'NotFoundError',
      message: expect.stringMatching(/not been scanned/),
    });

    await sweep();

    const orders = await request(server).get(
      '/api/alpine-advisor/entities/component/default/orders',
    );
    expect(orders.status).toBe(200);
    expect(orders.body).toMatchObject({
      entityRef: 'component:default/orders',
      owner: 'group:default/team-a',
      score: 100,
      grade: 'A',
      status: 'ok',
      stale: false,
      compliant: true,
      sourceLocation: `file:${mockDir.resolve('services/orders')}`,
      dockerfiles: [{ path: 'Dockerfile', grade: 'A' }],
    });
    const billing = await request(server).get(
      '/api/alpine-advisor/entities/Component/default/billing',
    );
    expect(billing.body.dockerfiles[0]).toMatchObject({
      path: 'apps/api/Dockerfile',
      findings: [
        {
          ruleId: 'apk-no-cache',
          line: 2,
          remediation: expect.any(String),
          fix: expect.any(Object),
          fixDiff: expect.stringContaining('+RUN apk add --no-cache'),
        },
      ],
      content: APK_CACHE_DOCKERFILE,
    });

    const history = await request(server).get(
      '/api/alpine-advisor/entities/component/default/billing/history?days=30',
    );
    expect(history.status).toBe(200);
    expect(history.body.points).toEqual([
      { day: expect.any(String), score: 88, grade: 'B' },
    ]);
  });

  it('hides entities the catalog does not let the caller read', async () => {
    const { server, sweep } = await startBackend({
      hiddenFrom: { 'user:default/mock': ['component:default/secret-project'] },
    });
    await sweep();

    const hidden = await request(server).get(
      '/api/alpine-advisor/entities/component/default/secret-project',
    );
    expect(hidden.status).toBe(404);
    const asOwner = await request(server)
      .get('/api/alpine-advisor/entities/component/default/secret-project')
      .set('Authorization', mockCredentials.user.header('user:default/x-lead'));
    expect(asOwner.status).toBe(200);
  });

  it('limits the org report and export to readable entities under a conditional policy', async () => {
    const conditional: PolicyDecision = {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: [] },
      },
    };
    const { server, sweep } = await startBackend({
      hiddenFrom: { 'user:default/mock': ['component:default/secret-project'] },
      permissions: {
        ...ALLOW_ALL,
        authorizeConditional: async () => [conditional],
      },
    });
    await sweep();

    const report = await request(server).get(
      '/api/alpine-advisor/report?sort=name',
    );
    expect(report.status).toBe(200);
    expect(
      report.body.items.map((item: { name: string }) => item.name),
    ).toEqual(['billing', 'orders']);
    expect(report.body.summary.entityCount).toBe(2);

    const exported = await request(server).get(
      '/api/alpine-advisor/report/export?format=json',
    );
    expect(exported.body.map((item: { name: string }) => item.name)).toEqual([
      'billing',
      'orders',
    ]);
  });

  it('serves the org trend of readable entities, with the report filters', async () => {
    const { server, sweep } = await startBackend({
      hiddenFrom: { 'user:default/mock': ['component:default/secret-project'] },
      permissions: {
        ...ALLOW_ALL,
        authorizeConditional: async () => [
          {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [] },
            },
          },
        ],
      },
    });
    await sweep();

    const history = await request(server).get(
      '/api/alpine-advisor/report/history?days=7',
    );
    expect(history.status).toBe(200);
    expect(history.body).toEqual({
      policy: expect.objectContaining({ minimumGrade: 'B' }),
      points: [
        {
          day: new Date().toISOString().slice(0, 10),
          scannedCount: 2,
          averageScore: 94,
          compliantCount: 2,
          compliantShare: 1,
          gradeCounts: { A: 1, B: 1, C: 0, D: 0, F: 0 },
        },
      ],
    });

    const teamB = await request(server).get(
      '/api/alpine-advisor/report/history?owner=group:default/team-b',
    );
    expect(teamB.body.points).toEqual([
      expect.objectContaining({ scannedCount: 1, averageScore: 88 }),
    ]);

    for (const query of ['days=0', 'days=many', 'grade=Z', 'rule=no-such']) {
      const invalid = await request(server).get(
        `/api/alpine-advisor/report/history?${query}`,
      );
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.name).toBe('InputError');
    }
  });

  it('serves the org report with filters, paging, summary and rollups', async () => {
    const { server, sweep } = await startBackend();
    await sweep();

    const report = await request(server).get(
      '/api/alpine-advisor/report?owner=group:default/team-a&owner=group:default/team-b&groupBy=owner&pageSize=1&sort=score&order=asc',
    );
    expect(report.body.error?.message).toBeUndefined();
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      page: 1,
      pageSize: 1,
      totalCount: 2,
      items: [{ name: 'billing', score: 88 }],
      summary: {
        entityCount: 2,
        gradeCounts: { A: 1, B: 1, C: 0, D: 0, F: 0 },
        compliantCount: 2,
        topRules: [{ ruleId: 'apk-no-cache', entityCount: 1 }],
        policy: { minimumGrade: 'B', allowMuslErrors: false },
      },
      rollups: { groupBy: 'owner' },
    });
    expect(report.body.rollups.groups).toHaveLength(2);

    const byAlias = await request(server).get(
      '/api/alpine-advisor/report?rule=hadolint:DL3019',
    );
    expect(
      byAlias.body.items.map((item: { name: string }) => item.name),
    ).toEqual(['billing', 'secret-project']);
    const single = await request(server).get(
      '/api/alpine-advisor/report?grade=A&stale=false',
    );
    expect(
      single.body.items.map((item: { name: string }) => item.name),
    ).toEqual(['orders']);
  });

  it.each([
    ['sort=size', /sort/],
    ['grade=E', /grade/],
    ['pageSize=501', /pageSize/],
    ['page=0', /page/],
    ['stale=maybe', /stale/],
    ['colour=blue', /colour/],
    ['rule=no-such-rule', /Unknown rule "no-such-rule"/],
  ])('answers 400 with what was wrong for %p', async (query, message) => {
    const { server } = await startBackend();
    const response = await request(server).get(
      `/api/alpine-advisor/report?${query}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toMatch(message);
  });

  it('exports CSV with the same filters', async () => {
    const { server, sweep, auditor } = await startBackend();
    await sweep();

    const csv = await request(server).get(
      '/api/alpine-advisor/report/export?format=csv&owner=group:default/team-b',
    );
    expect(csv.body.error?.message).toBeUndefined();
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="alpine-advisor-report-.*\.csv"/,
    );
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(
      /^entityRef,title,owner,system,domain,lifecycle,type,score,grade,compliant,status,stale/,
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^component:default\/billing,,group:default\/team-b,,,production,service,88,B,true,ok,false,/,
      ),
    ]);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'report-export' }),
    );
  });

  it('forbids report reads without alpine-advisor.report.read', async () => {
    const { server } = await startBackend({
      permissions: {
        ...ALLOW_ALL,
        authorize: async requests =>
          requests.map(item => ({
            result:
              item.permission.name === 'alpine-advisor.report.read'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
      },
    });
    for (const path of [
      '/report',
      '/report/history',
      '/report/export?format=csv',
      '/entities/component/default/orders',
    ]) {
      const response = await request(server).get(`/api/alpine-advisor${path}`);
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('NotAllowedError');
    }
    const rules = await request(server).get('/api/alpine-advisor/rules');
    expect(rules.status).toBe(200);
  });

  it('rescans on demand, audited, once per interval', async () => {
    const { server, auditor } = await startBackend();

    const first = await request(server).post(
      '/api/alpine-advisor/entities/component/default/orders/rescan',
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      entityRef: 'component:default/orders',
      status: 'ok',
      changed: true,
      report: { grade: 'A', scan: { trigger: 'rescan' } },
    });

    const second = await request(server).post(
      '/api/alpine-advisor/entities/component/default/orders/rescan',
    );
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.body.error).toMatchObject({ name: 'RescanTooSoonError' });

    const events = auditor.createEvent.mock.calls.map(([event]) => [
      event.eventId,
      event.meta,
    ]);
    expect(events).toEqual([
      ['entity-rescan', { entityRef: 'component:default/orders' }],
      ['entity-rescan', { entityRef: 'component:default/orders' }],
    ]);
  });

  it('refuses rescans without alpine-advisor.scan.trigger, of hidden or out-of-scope entities', async () => {
    const { server } = await startBackend({
      hiddenFrom: { 'user:default/mock': ['component:default/secret-project'] },
      permissions: {
        ...ALLOW_ALL,
        authorize: async requests =>
          requests.map(item => ({
            result:
              item.permission.name === 'alpine-advisor.scan.trigger' &&
              'resourceRef' in item &&
              item.resourceRef === 'component:default/billing'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
      },
    });
    const denied = await request(server).post(
      '/api/alpine-advisor/entities/component/default/billing/rescan',
    );
    expect(denied.status).toBe(403);
    const hidden = await request(server).post(
      '/api/alpine-advisor/entities/component/default/secret-project/rescan',
    );
    expect(hidden.status).toBe(404);
    const user = await request(server).post(
      '/api/alpine-advisor/entities/user/default/alice/rescan',
    );
    expect(user.status).toBe(400);
    expect(user.body.error.message).toMatch(
      /outside the entities Alpine Advisor scans/,
    );
  });

  it('serves the rule catalog, by id or alias', async () => {
    const { server } = await startBackend();
    const list = await request(server).get('/api/alpine-advisor/rules');
    expect(list.body.items.map((rule: { id: string }) => rule.id)).toContain(
      'apk-no-cache',
    );
    const byAlias = await request(server).get(
      '/api/alpine-advisor/rules/hadolint:DL3019',
    );
    expect(byAlias.body).toMatchObject({
      id: 'apk-no-cache',
      docs: expect.stringContaining('apk-no-cache'),
    });
    const missing = await request(server).get('/api/alpine-advisor/rules/nope');
    expect(missing.status).toBe(404);
  });

  describe('extension points', () => {
    const acmeRegistryRule: AdditionalRule = {
      meta: {
        id: 'acme-internal-registry',
        title: 'Base images come from the internal registry',
        category: 'hygiene',
        severity: 'warning',
        rationale: 'Acme mirrors and scans every base image.',
        remediation: 'Pull from registry.acme.internal.',
        references: [],
        aliases: ['acme:REG001'],
        fixable: false,
        scope: 'any',
      },
      docs: '# acme-internal-registry\n\nUse the mirror.\n',
      check: context => ({
        stage(stage) {
          if (
            !stage.parent &&
            stage.image.registry !== 'registry.acme.internal'
          ) {
            context.report({
              at: stage.from,
              message: `${stage.image.text} is not mirrored`,
            });
          }
        },
      }),
    };

    const acmeRulesModule = createBackendModule({
      pluginId: 'alpine-advisor',
      moduleId: 'acme-rules',
      register(env) {
        env.registerInit({
          deps: { rules: alpineAdvisorRulesExtensionPoint },
          async init({ rules }) {
            rules.addRules(acmeRegistryRule);
          },
        });
      },
    });

    const artifactStoreModule = createBackendModule({
      pluginId: 'alpine-advisor',
      moduleId: 'acme-artifact-store',
      register(env) {
        env.registerInit({
          deps: { readers: alpineAdvisorSourceReadersExtensionPoint },
          async init({ readers }) {
            readers.addSourceReader({
              id: 'acme-artifact-store',
              canRead: location => location.type === 'acme-store',
              read: async ({ location }) => ({
                revision: `${location.target}@1`,
                dockerfiles: [
                  {
                    path: 'Dockerfile',
                    content:
                      'FROM registry.acme.internal/alpine:3.22\nUSER 1000\nCMD ["true"]\n',
                  },
                ],
                configFiles: [],
              }),
            });
          },
        });
      },
    });

    it("runs a module's rules and lists them", async () => {
      const { server, sweep } = await startBackend({
        modules: [acmeRulesModule],
      });
      await sweep();

      const orders = await request(server).get(
        '/api/alpine-advisor/entities/component/default/orders',
      );
      expect(orders.body.dockerfiles[0].findings).toContainEqual(
        expect.objectContaining({
          ruleId: 'acme-internal-registry',
          aliases: ['acme:REG001'],
        }),
      );
      const rule = await request(server).get(
        '/api/alpine-advisor/rules/acme:REG001',
      );
      expect(rule.body).toMatchObject({
        id: 'acme-internal-registry',
        docs: expect.stringContaining('mirror'),
      });
    });

    it("reads sources through a module's reader", async () => {
      const stored: Entity = {
        ...localComponent('vault'),
        metadata: {
          name: 'vault',
          namespace: 'default',
          uid: 'uid-vault',
          annotations: { 'backstage.io/source-location': 'acme-store:vault' },
        },
      };
      const { server, sweep } = await startBackend({
        modules: [artifactStoreModule, acmeRulesModule],
        entities: [stored],
      });
      await sweep();

      const vault = await request(server).get(
        '/api/alpine-advisor/entities/component/default/vault',
      );
      expect(vault.body).toMatchObject({
        status: 'ok',
        sourceLocation: 'acme-store:vault',
        scan: { revision: 'vault@1' },
      });
      expect(
        vault.body.dockerfiles[0].findings.map(
          (f: { ruleId: string }) => f.ruleId,
        ),
      ).not.toContain('acme-internal-registry');
    });
  });
});
