import type {
  EntityReport,
  RuleDescription,
} from '@alpine-advisor/backstage-plugin-common';
import { alpineAdvisorStandIn } from '@alpine-advisor/test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import searchPlugin from '@backstage/plugin-search-backend';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import request from 'supertest';
import module, {
  ALPINE_ADVISOR_FINDINGS_DOCUMENT_TYPE,
  AlpineAdvisorFindingsCollatorFactory,
  AlpineAdvisorRuleCollatorFactory,
} from './index';

jest.setTimeout(60_000);

const RULES = [
  {
    id: 'apk-no-cache',
    title: 'apk add without --no-cache',
    category: 'alpine',
    severity: 'warning',
    rationale: 'The apk index stays in the image.',
    remediation: 'Use apk add --no-cache.',
    docs: '',
    references: [],
    aliases: ['hadolint:DL3019'],
    fixable: true,
    scope: 'alpine',
  },
  {
    id: 'glibc-binary-on-musl',
    title: 'A glibc binary copied into a musl stage',
    category: 'musl',
    severity: 'error',
    rationale: 'Binaries linked against glibc do not run on musl libc.',
    remediation: 'Build the binary in an Alpine stage.',
    docs: '',
    references: [],
    aliases: [],
    fixable: false,
    scope: 'alpine',
  },
] as RuleDescription[];

function report(name: string, ruleIds: string[]): EntityReport {
  return {
    entityRef: `component:default/${name}`,
    kind: 'component',
    namespace: 'default',
    name,
    owner: 'group:default/team-a',
    score: ruleIds.length ? 60 : 100,
    grade: ruleIds.length ? 'D' : 'A',
    status: 'ok',
    stale: false,
    compliant: ruleIds.length === 0,
    dockerfileCount: 1,
    findingCounts: { error: 0, warning: ruleIds.length, info: 0 },
    muslErrorCount: 0,
    dockerfiles: [
      {
        path: 'Dockerfile',
        score: 60,
        grade: 'D',
        usesAlpine: true,
        stages: [],
        explanation: { summary: '', deductions: [] },
        findings: ruleIds.map((ruleId, index) => ({
          ruleId,
          category: 'musl',
          severity: 'warning',
          line: index + 2,
          endLine: index + 2,
          column: 1,
          message: `${ruleId} finding in ${name}`,
          remediation: '',
          aliases: [],
        })),
      },
    ],
  } as EntityReport;
}

const REPORTS = [
  report('payments', ['glibc-binary-on-musl', 'apk-no-cache']),
  report('secret-project', ['glibc-binary-on-musl']),
  report('clean', []),
];

/** The Alpine Advisor backend's GET /rules, /report and /entities, behind its auth policy. */
const alpineAdvisor = alpineAdvisorStandIn({
  rules: RULES,
  entities: REPORTS.map(entityReport => ({
    summary: entityReport,
    rules: entityReport.dockerfiles.flatMap(file =>
      file.findings.map(finding => finding.ruleId),
    ),
    report: entityReport,
  })),
});

const ALICE = 'user:default/alice';

function userOf(options?: { credentials?: BackstageCredentials }) {
  return (options?.credentials?.principal as { userEntityRef?: string })
    ?.userEntityRef;
}

/** Alice may not read secret-project in the catalog (a conditional policy, decided per entity). */
const permissions = {
  authorize: async (requests: any[], options?: any) =>
    requests.map(item => ({
      result:
        userOf(options) === ALICE &&
        item.permission.name === 'catalog.entity.read' &&
        item.resourceRef === 'component:default/secret-project'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  authorizeConditional: async (requests: any[], options?: any) =>
    requests.map(() =>
      userOf(options) === ALICE
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [] },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    ),
};

describe('Alpine Advisor in Backstage search', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    // The search plugin runs each collator through a task runner: keep them to run here.
    const tasks: Array<{ id: string; fn: () => Promise<void> }> = [];
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: () => ({
        run: async (task: any) => {
          tasks.push({ id: task.id, fn: () => task.fn(task.signal) });
        },
      }),
    });
    backend = await startTestBackend({
      features: [
        searchPlugin,
        module,
        alpineAdvisor.plugin,
        scheduler.factory,
        mockServices.permissions.mock(permissions as any).factory,
        // The search backend filters results only with permissions enabled.
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    const ours = tasks.filter(task => /alpine[-_]advisor/.test(task.id));
    if (ours.length !== 2) {
      throw new Error(`expected the two collators' tasks, got ${ours.length}`);
    }
    for (const task of ours) {
      await task.fn();
    }
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function search(term: string, user: string) {
    const response = await request(backend.server)
      .get('/api/search/query')
      .query({ term })
      .set('Authorization', mockCredentials.user.header(user));
    expect(response.status).toBe(200);
    return response.body.results as Array<{ type: string; document: any }>;
  }

  it('finds a rule by its id and links to its docs', async () => {
    const results = await search('apk-no-cache', 'user:default/bob');
    expect(results[0]).toMatchObject({
      type: 'alpine-advisor-rule',
      document: {
        title: 'apk add without --no-cache (apk-no-cache)',
        location: '/alpine-advisor/rules#apk-no-cache',
      },
    });
  });

  it("finds services' findings and links to their Alpine Advisor tab", async () => {
    const results = await search('musl', 'user:default/bob');
    const locations = results.map(result => result.document.location);
    expect(locations).toEqual(
      expect.arrayContaining([
        '/alpine-advisor/rules#glibc-binary-on-musl',
        '/catalog/default/component/payments/alpine-advisor',
        '/catalog/default/component/secret-project/alpine-advisor',
      ]),
    );
    const payments = results.find(
      result => result.document.entityRef === 'component:default/payments',
    );
    expect(payments).toMatchObject({
      type: ALPINE_ADVISOR_FINDINGS_DOCUMENT_TYPE,
      document: {
        ruleIds: ['glibc-binary-on-musl', 'apk-no-cache'],
        text: expect.stringContaining(
          'Dockerfile:2 glibc-binary-on-musl: glibc-binary-on-musl finding in payments',
        ),
      },
    });
    // A service without findings is not indexed.
    expect(JSON.stringify(results)).not.toContain('component:default/clean');
  });

  it('leaves out the services the caller may not read in the catalog', async () => {
    const results = await search('musl', ALICE);
    const refs = results.map(result => result.document.entityRef);
    expect(refs).toContain('component:default/payments');
    expect(refs).not.toContain('component:default/secret-project');
    // Rules are not per-entity data: Alice finds them too.
    expect(results.map(result => result.type)).toContain('alpine-advisor-rule');
  });
});

describe('AlpineAdvisorFindingsCollatorFactory', () => {
  it('gives each document the entity as its authorization resource, under catalog.entity.read', async () => {
    const fetchMock = jest
      .spyOn(global, 'fetch')
      .mockImplementation(async input => {
        const url = String(input);
        if (url.includes('/report?')) {
          return new Response(
            JSON.stringify({ items: REPORTS, totalCount: REPORTS.length }),
          );
        }
        const name = url.split('/').pop();
        return new Response(
          JSON.stringify(REPORTS.find(item => item.name === name)),
        );
      });
    const factory = new AlpineAdvisorFindingsCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    expect(factory.visibilityPermission.name).toBe('catalog.entity.read');
    const { documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(documents.map(document => document.authorization)).toEqual([
      { resourceRef: 'component:default/payments' },
      { resourceRef: 'component:default/secret-project' },
    ]);
    fetchMock.mockRestore();
  });
});

describe('AlpineAdvisorRuleCollatorFactory', () => {
  it('feeds the Lunr engine through the search pipeline, with custom links', async () => {
    const fetchMock = jest
      .spyOn(global, 'fetch')
      .mockImplementation(
        async () => new Response(JSON.stringify({ items: RULES })),
      );
    const factory = new AlpineAdvisorRuleCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      locations: { rule: '/docs/rules/{ruleId}' },
    });
    const { documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(documents.map(document => document.location)).toEqual([
      '/docs/rules/apk-no-cache',
      '/docs/rules/glibc-binary-on-musl',
    ]);
    const engine = new LunrSearchEngine({ logger: mockServices.logger.mock() });
    const indexer = await engine.getIndexer(factory.type);
    await TestPipeline.fromIndexer(indexer).withDocuments(documents).execute();
    const found = await engine.query({ term: 'DL3019' });
    expect(found.results.map(result => result.document.location)).toEqual([
      '/docs/rules/apk-no-cache',
    ]);
    fetchMock.mockRestore();
  });
});
