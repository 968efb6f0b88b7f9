import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { createCompliancePolicy } from '../service/report/compliance';
import { ReportService } from '../service/report/ReportService';
import { connectDatabase } from './connectDatabase';
import { DatabaseReportStore } from './DatabaseReportStore';
import { DatabaseScanStore } from './DatabaseScanStore';
import {
  entityMetadata,
  fileReport,
  finding,
  scanSuccess,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ALL = { all: true } as const;
const ref = (name: string) => `component:default/${name}`;
const at = (day: string) => new Date(`${day}T09:00:00Z`);

const muslError = finding({
  ruleId: 'glibc-binary-in-alpine',
  category: 'musl',
  severity: 'error',
});

const noGrades = { A: 0, B: 0, C: 0, D: 0, F: 0 };

/**
 * Day 1: orders A 92, billing C 70. Day 2: orders A 96, billing B 85 but
 * with a musl error, search (team-b) D 55. Day 3: orders unchanged (its
 * score carried forward), nothing else scanned.
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
      entityMetadata('billing'),
      entityMetadata('search', { owner: 'group:default/team-b' }),
    ],
    at('2026-03-01'),
  );
  const scan = (name: string, day: string, score: number, grade: any) =>
    scanSuccess(
      ref(name),
      [
        fileReport({
          score,
          grade,
          findings:
            name === 'billing' && day === '2026-03-02' ? [muslError] : [],
        }),
      ],
      { startedAt: at(day) },
    );
  await scans.recordSuccesses([
    scan('orders', '2026-03-01', 92, 'A'),
    scan('billing', '2026-03-01', 70, 'C'),
  ]);
  await scans.recordSuccesses([
    scan('orders', '2026-03-02', 96, 'A'),
    scan('billing', '2026-03-02', 85, 'B'),
    scan('search', '2026-03-02', 55, 'D'),
  ]);
  await scans.recordUnchanged([ref('orders')], at('2026-03-03'));
  return {
    db,
    reports: new ReportService(
      new DatabaseReportStore(db),
      createCompliancePolicy({}),
    ),
  };
}

describe.each(databases.eachSupportedId())('Org history on %p', databaseId => {
  let reports: ReportService;
  let db: Awaited<ReturnType<typeof seed>>['db'];

  beforeAll(async () => {
    ({ db, reports } = await seed(databaseId));
  });

  it('gives each day the services scanned, their average, compliance and grades', async () => {
    const history = await reports.getOrgHistory({}, ALL, '2026-01-01');

    expect(history.policy.minimumGrade).toBe('B');
    expect(history.points).toEqual([
      {
        day: '2026-03-01',
        scannedCount: 2,
        averageScore: 81,
        compliantCount: 1,
        compliantShare: 0.5,
        gradeCounts: { ...noGrades, A: 1, C: 1 },
      },
      {
        day: '2026-03-02',
        scannedCount: 3,
        averageScore: 78.7,
        // billing is graded B but has a musl error: not compliant.
        compliantCount: 1,
        compliantShare: 1 / 3,
        gradeCounts: { ...noGrades, A: 1, B: 1, D: 1 },
      },
      {
        day: '2026-03-03',
        scannedCount: 1,
        averageScore: 96,
        compliantCount: 1,
        compliantShare: 1,
        gradeCounts: { ...noGrades, A: 1 },
      },
    ]);
  });

  it('keeps to the window, the filter and what the caller may see', async () => {
    const days = async (...args: Parameters<typeof reports.getOrgHistory>) =>
      (await reports.getOrgHistory(...args)).points.map(point => [
        point.day,
        point.scannedCount,
      ]);

    expect(await days({}, ALL, '2026-03-02')).toEqual([
      ['2026-03-02', 3],
      ['2026-03-03', 1],
    ]);
    expect(
      await days({ owner: ['group:default/team-b'] }, ALL, '2026-01-01'),
    ).toEqual([['2026-03-02', 1]]);
    expect(
      await days(
        {},
        { all: false, entityRefs: [ref('billing')] },
        '2026-01-01',
      ),
    ).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 1],
    ]);
    expect(
      await days({}, { all: false, entityRefs: [] }, '2026-01-01'),
    ).toEqual([]);
  });

  it('reads the same when most entities are visible, from every row less the hidden ones', async () => {
    // Two of three visible: read as every row less the third one's rows.
    const points = async (...visible: string[]) =>
      (
        await reports.getOrgHistory(
          {},
          { all: false, entityRefs: visible.map(ref) },
          '2026-01-01',
        )
      ).points.map(point => ({
        day: point.day,
        scanned: point.scannedCount,
        average: point.averageScore,
        grades: point.gradeCounts,
      }));

    expect(await points('orders', 'search')).toEqual([
      {
        day: '2026-03-01',
        scanned: 1,
        average: 92,
        grades: { ...noGrades, A: 1 },
      },
      {
        day: '2026-03-02',
        scanned: 2,
        average: 75.5,
        grades: { ...noGrades, A: 1, D: 1 },
      },
      {
        day: '2026-03-03',
        scanned: 1,
        average: 96,
        grades: { ...noGrades, A: 1 },
      },
    ]);
    // Day 3 had only the hidden service's row: it is left out, not zero.
    expect(await points('billing', 'search')).toEqual([
      {
        day: '2026-03-01',
        scanned: 1,
        average: 70,
        grades: { ...noGrades, C: 1 },
      },
      {
        day: '2026-03-02',
        scanned: 2,
        average: 70,
        grades: { ...noGrades, B: 1, D: 1 },
      },
    ]);
  });

  it('applies the policy in force, counting days recorded without a musl count as clean', async () => {
    await db('score_history')
      .where({ entity_ref: ref('billing'), day: '2026-03-02' })
      .update({ musl_error_count: null });
    const lenient = new ReportService(
      new DatabaseReportStore(db),
      createCompliancePolicy({ minimumGrade: 'C' }),
    );

    const points = (await lenient.getOrgHistory({}, ALL, '2026-03-01')).points;

    expect(points.map(point => point.compliantCount)).toEqual([2, 2, 1]);
    await db('score_history')
      .where({ entity_ref: ref('billing'), day: '2026-03-02' })
      .update({ musl_error_count: 1 });
  });
});
