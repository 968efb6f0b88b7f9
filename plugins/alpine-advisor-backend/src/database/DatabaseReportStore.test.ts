import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { createCompliancePolicy } from '../service/report/compliance';
import { ReportService } from '../service/report/ReportService';
import { connectDatabase } from './connectDatabase';
import { DatabaseReportStore, MAX_PAGE } from './DatabaseReportStore';
import { DatabaseScanStore } from './DatabaseScanStore';
import type { EntityVisibility } from './ReportStore';
import {
  entityMetadata,
  fileReport,
  finding,
  scanSuccess,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ALL = { all: true } as const;
const T0 = new Date('2026-03-01T10:00:00Z');

const muslError = finding({
  ruleId: 'glibc-binary-in-alpine',
  category: 'musl',
  severity: 'error',
  line: 7,
  fix: {
    description: 'Use the musl build',
    edits: [{ line: 7, column: 1, endLine: 7, endColumn: 5, text: 'RUN' }],
  },
  // Stored with the finding, read back as it was (toEqual below).
  evidence: [
    {
      source: 'package-lock.json',
      verdict: 'confirmed',
      detail: 'locks @img/sharp-linux-x64 but not @img/sharp-linuxmusl-x64',
    },
  ],
});

/**
 * Five entities: orders (A, team-a), billing (C with a musl error, team-a),
 * search (B, team-b, data system), legacy (scan failed after an F: stale),
 * fresh (never scanned), plus one opted out.
 */
async function seed(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const db = await connectDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const scans = new DatabaseScanStore(db);
  await scans.upsertEntities(
    [
      entityMetadata('orders'),
      entityMetadata('billing', { title: 'Billing API' }),
      entityMetadata('search', {
        owner: 'group:default/team-b',
        system: 'system:default/data',
        domain: 'domain:default/insights',
        lifecycle: 'experimental',
      }),
      entityMetadata('legacy', {
        owner: 'group:default/team-b',
        lifecycle: 'deprecated',
      }),
      entityMetadata('fresh', { system: undefined, domain: undefined }),
      entityMetadata('opted-out'),
    ],
    T0,
  );
  await scans.recordSuccesses([
    scanSuccess('component:default/orders', [
      fileReport({
        score: 96,
        grade: 'A',
        findings: [
          finding({
            severity: 'info',
            ruleId: 'apk-unpinned',
            category: 'alpine',
          }),
        ],
      }),
    ]),
  ]);
  await scans.recordSuccesses([
    scanSuccess('component:default/billing', [
      fileReport({
        path: 'apps/api/Dockerfile',
        score: 62,
        grade: 'C',
        findings: [muslError, finding()],
      }),
      fileReport({
        path: 'deploy/Dockerfile.migrations',
        score: 88,
        grade: 'B',
        findings: [finding({ line: 9 })],
      }),
    ]),
  ]);
  await scans.recordSuccesses([
    scanSuccess('component:default/search', [
      fileReport({
        score: 84,
        grade: 'B',
        findings: [finding(), finding({ line: 4 })],
      }),
    ]),
  ]);
  await scans.recordSuccesses([
    scanSuccess(
      'component:default/legacy',
      [fileReport({ score: 30, grade: 'F' })],
      {
        startedAt: new Date('2026-02-27T09:00:00Z'),
      },
    ),
  ]);
  await scans.recordSuccesses([
    scanSuccess(
      'component:default/legacy',
      [fileReport({ score: 35, grade: 'F' })],
      {
        startedAt: new Date('2026-02-28T09:00:00Z'),
      },
    ),
  ]);
  await scans.recordFailures([
    {
      entityRef: 'component:default/legacy',
      startedAt: T0,
      durationMs: 3,
      trigger: 'schedule',
      status: 'unreadable',
      error: 'Request failed, 401 Unauthorized',
    },
  ]);
  await scans.recordDisabled(['component:default/opted-out'], T0);
  return new ReportService(
    new DatabaseReportStore(db),
    createCompliancePolicy({}),
  );
}

describe.each(databases.eachSupportedId())(
  'DatabaseReportStore on %p',
  databaseId => {
    let store: ReportService;

    beforeAll(async () => {
      store = await seed(databaseId);
    });

    it('serves an entity report with per-Dockerfile findings, fixes and scan details', async () => {
      const report = await store.getEntityReport('component:default/billing');

      expect(report).toMatchObject({
        entityRef: 'component:default/billing',
        title: 'Billing API',
        owner: 'group:default/team-a',
        score: 62,
        grade: 'C',
        status: 'ok',
        stale: false,
        compliant: false,
        dockerfileCount: 2,
        findingCounts: { error: 1, warning: 2, info: 0 },
        muslErrorCount: 1,
        sourceLocation: 'url:https://github.com/acme/repo/tree/main/',
        explanation: { summary: 'worst file' },
        scan: {
          startedAt: T0.toISOString(),
          trigger: 'schedule',
          revision: 'sha-1',
          durationMs: 120,
        },
      });
      expect(
        report?.dockerfiles.map(file => [
          file.path,
          file.findings.map(f => f.line),
        ]),
      ).toEqual([
        ['apps/api/Dockerfile', [3, 7]],
        ['deploy/Dockerfile.migrations', [9]],
      ]);
      expect(report?.dockerfiles[0].findings[1]).toEqual(muslError);
      expect(report?.dockerfiles[0]).toMatchObject({
        usesAlpine: true,
        alpineRelease: '3.22',
        stages: [{ libc: 'musl' }],
      });
    });

    it('keeps a stale result readable with the failure', async () => {
      const report = await store.getEntityReport('component:default/legacy');
      expect(report).toMatchObject({
        status: 'unreadable',
        stale: true,
        error: 'Request failed, 401 Unauthorized',
        score: 35,
        lastScannedAt: T0.toISOString(),
        lastSuccessAt: '2026-02-28T09:00:00.000Z',
      });
      await expect(
        store.getEntityReport('component:default/unknown'),
      ).resolves.toBeUndefined();
    });

    it('returns daily history oldest first', async () => {
      await expect(
        store.getHistory('component:default/legacy'),
      ).resolves.toEqual([
        { day: '2026-02-27', score: 30, grade: 'F' },
        { day: '2026-02-28', score: 35, grade: 'F' },
      ]);
      await expect(
        store.getHistory('component:default/legacy', '2026-02-28'),
      ).resolves.toEqual([{ day: '2026-02-28', score: 35, grade: 'F' }]);
    });

    it('lists the worst first by default, unscored last, opted-out left out', async () => {
      const report = await store.queryReport({}, ALL);
      expect(report.items.map(item => item.name)).toEqual([
        'legacy',
        'billing',
        'search',
        'orders',
        'fresh',
      ]);
      expect(report).toMatchObject({ page: 1, pageSize: 50, totalCount: 5 });
    });

    it('sorts descending with unscored still last, and pages in the database', async () => {
      const first = await store.queryReport(
        { sort: 'score', order: 'desc', pageSize: 2 },
        ALL,
      );
      const second = await store.queryReport(
        { sort: 'score', order: 'desc', pageSize: 2, page: 2 },
        ALL,
      );
      const third = await store.queryReport(
        { sort: 'score', order: 'desc', pageSize: 2, page: 3 },
        ALL,
      );
      expect(
        [first, second, third].map(page => page.items.map(item => item.name)),
      ).toEqual([['orders', 'search'], ['billing', 'legacy'], ['fresh']]);
      expect(third.totalCount).toBe(5);
    });

    it('answers the last allowed page empty and refuses a page whose offset is not a safe integer', async () => {
      await expect(
        store.queryReport({ pageSize: 500, page: MAX_PAGE }, ALL),
      ).resolves.toMatchObject({ items: [], totalCount: 5, page: MAX_PAGE });
      for (const page of [Infinity, 1e300, MAX_PAGE + 1, 2.5]) {
        await expect(store.queryReport({ page }, ALL)).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining('page must be an integer'),
        });
      }
    });

    it('filters by catalog facts, grade, staleness, compliance and text', async () => {
      const names = async (
        query: Parameters<ReportService['queryReport']>[0],
      ) =>
        (await store.queryReport({ sort: 'name', ...query }, ALL)).items.map(
          item => item.name,
        );

      expect(await names({ owner: ['Group:default/team-b'] })).toEqual([
        'legacy',
        'search',
      ]);
      expect(await names({ system: ['system:default/data'] })).toEqual([
        'search',
      ]);
      expect(await names({ domain: ['domain:default/commerce'] })).toEqual([
        'billing',
        'legacy',
        'orders',
      ]);
      expect(
        await names({ lifecycle: ['experimental', 'deprecated'] }),
      ).toEqual(['legacy', 'search']);
      expect(await names({ grade: ['A', 'B'] })).toEqual(['orders', 'search']);
      expect(await names({ stale: true })).toEqual(['legacy']);
      expect(await names({ compliant: true })).toEqual(['orders', 'search']);
      expect(await names({ compliant: false })).toEqual([
        'billing',
        'fresh',
        'legacy',
      ]);
      expect(await names({ search: 'BILLING' })).toEqual(['billing']);
      expect(await names({ search: '100%' })).toEqual([]);
      expect(await names({ status: ['disabled'] })).toEqual(['opted-out']);
      expect(await names({ status: ['pending'] })).toEqual(['fresh']);
    });

    it('filters by what the findings are', async () => {
      const names = async (
        query: Parameters<ReportService['queryReport']>[0],
      ) =>
        (await store.queryReport({ sort: 'name', ...query }, ALL)).items.map(
          item => item.name,
        );

      expect(await names({ category: ['musl'] })).toEqual(['billing']);
      expect(await names({ rule: ['apk-no-cache'] })).toEqual([
        'billing',
        'search',
      ]);
      expect(await names({ severity: ['info'] })).toEqual(['orders']);
      expect(
        await names({ category: ['alpine'], severity: ['warning'] }),
      ).toEqual(['billing', 'search']);
      expect(
        await names({ category: ['musl'], severity: ['warning'] }),
      ).toEqual([]);
    });

    it('summarises the whole filtered set, not just the page', async () => {
      const { summary } = await store.queryReport({ pageSize: 1 }, ALL);
      expect(summary).toMatchObject({
        entityCount: 5,
        scoredCount: 4,
        averageScore: 69.3,
        gradeCounts: { A: 1, B: 1, C: 1, D: 0, F: 1 },
        compliantCount: 2,
        compliantShare: 0.5,
        staleCount: 1,
        failingCount: 1,
        policy: { minimumGrade: 'B', allowMuslErrors: false },
      });
      expect(summary.topRules[0]).toEqual({
        ruleId: 'apk-no-cache',
        category: 'alpine',
        severity: 'warning',
        entityCount: 2,
        findingCount: 4,
      });
      expect(summary.muslBreakingRisks).toEqual({
        entityCount: 1,
        rules: [
          {
            ruleId: 'glibc-binary-in-alpine',
            category: 'musl',
            severity: 'error',
            entityCount: 1,
            findingCount: 1,
          },
        ],
      });
    });

    it('tallies a scope naming every owner as the whole set, and a narrower one without the rest', async () => {
      const whole = (await store.queryReport({}, ALL)).summary;
      const everyOwner = (
        await store.queryReport(
          { owner: ['group:default/team-a', 'group:default/team-b'] },
          ALL,
        )
      ).summary;
      expect(everyOwner).toEqual(whole);

      const teamA = (
        await store.queryReport({ owner: ['group:default/team-a'] }, ALL)
      ).summary;
      expect(teamA.entityCount).toBe(3);
      expect(
        teamA.topRules.find(rule => rule.ruleId === 'apk-no-cache'),
      ).toMatchObject({ entityCount: 1, findingCount: 2 });
    });

    it('rolls up by owner, system or domain', async () => {
      const byOwner = await store.queryReport({ groupBy: 'owner' }, ALL);
      expect(byOwner.rollups).toEqual({
        groupBy: 'owner',
        groups: [
          {
            key: 'group:default/team-b',
            entityCount: 2,
            scoredCount: 2,
            averageScore: 59.5,
            gradeCounts: { A: 0, B: 1, C: 0, D: 0, F: 1 },
            compliantCount: 1,
            staleCount: 1,
          },
          {
            key: 'group:default/team-a',
            entityCount: 3,
            scoredCount: 2,
            averageScore: 79,
            gradeCounts: { A: 1, B: 0, C: 1, D: 0, F: 0 },
            compliantCount: 1,
            staleCount: 0,
          },
        ],
      });
      const bySystem = await store.queryReport({ groupBy: 'system' }, ALL);
      expect(
        bySystem.rollups?.groups.map(group => [group.key, group.entityCount]),
      ).toEqual([
        ['system:default/checkout', 3],
        ['system:default/data', 1],
        [null, 1],
      ]);
    });

    it('shows only what the caller may see', async () => {
      const visible: EntityVisibility = {
        all: false,
        entityRefs: ['component:default/orders', 'component:default/search'],
      };
      const report = await store.queryReport({ sort: 'name' }, visible);
      expect(report.items.map(item => item.name)).toEqual(['orders', 'search']);
      expect(report.summary.entityCount).toBe(2);
      expect(report.summary.topRules.map(rule => rule.ruleId)).toEqual([
        'apk-no-cache',
        'apk-unpinned',
      ]);

      const nothing = await store.queryReport(
        {},
        { all: false, entityRefs: [] },
      );
      expect(nothing.totalCount).toBe(0);
      expect(nothing.summary.averageScore).toBeNull();
      expect(nothing.summary.compliantShare).toBeNull();
    });

    it('streams every matching entity in ref order', async () => {
      const streamed = [];
      for await (const item of store.streamReport(
        { owner: ['group:default/team-a'] },
        ALL,
      )) {
        streamed.push(item.entityRef);
      }
      expect(streamed).toEqual([
        'component:default/billing',
        'component:default/fresh',
        'component:default/orders',
      ]);
    });
  },
);
