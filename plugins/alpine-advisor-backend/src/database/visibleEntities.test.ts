import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  entityMetadata,
  fileReport,
  finding,
  scanSuccess,
} from '../__testUtils__/fixtures';
import { createCompliancePolicy } from '../service/report/compliance';
import { ReportService } from '../service/report/ReportService';
import { connectDatabase } from './connectDatabase';
import { DatabaseReportStore } from './DatabaseReportStore';
import { DatabaseScanStore } from './DatabaseScanStore';
import type { EntityVisibility } from './ReportStore';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/* Conditional catalog decisions at scale: more visible refs than any bind limit. */
const STORED = 40_000;
const SCANNED = 400;
const OWNERS = 4;

const nameOf = (index: number) => `svc-${String(index).padStart(5, '0')}`;
const refOf = (index: number) => `component:default/${nameOf(index)}`;
/** Every tenth entity is hidden from the caller. */
const isVisible = (index: number) => index % 10 !== 0;

const seeded = new Map<TestDatabaseId, Promise<ReportService>>();

/** Seeds each database once for the tests below (they only read). */
function seed(databaseId: TestDatabaseId): Promise<ReportService> {
  let reports = seeded.get(databaseId);
  if (!reports) {
    reports = seedDatabase(databaseId);
    seeded.set(databaseId, reports);
  }
  return reports;
}

async function seedDatabase(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const db = await connectDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const scans = new DatabaseScanStore(db);
  const seenAt = new Date('2026-03-01T10:00:00Z');
  await scans.upsertEntities(
    Array.from({ length: STORED }, (_, index) =>
      entityMetadata(nameOf(index), {
        owner: `group:default/team-${index % OWNERS}`,
      }),
    ),
    seenAt,
  );
  // The first entities have results: half of them a musl error.
  await scans.recordSuccesses(
    Array.from({ length: SCANNED }, (_, index) =>
      scanSuccess(refOf(index), [
        fileReport(
          index % 2 === 0
            ? {
                score: 40,
                grade: 'D',
                findings: [finding({ category: 'musl', severity: 'error' })],
              }
            : { score: 95, grade: 'A' },
        ),
      ]),
    ),
  );
  return new ReportService(
    new DatabaseReportStore(db),
    createCompliancePolicy({}),
  );
}

/** 36,000 stored visible entities, plus refs the catalog knows but the store does not. */
function largeVisibility(): Extract<EntityVisibility, { all: false }> {
  const entityRefs: string[] = [];
  for (let index = 0; index < STORED; index++) {
    if (isVisible(index)) {
      entityRefs.push(refOf(index));
    }
  }
  for (let index = 0; index < 500; index++) {
    entityRefs.push(`component:default/not-stored-${index}`);
  }
  return { all: false, entityRefs };
}

const VISIBLE_STORED = STORED - STORED / 10;
const indexOf = (entityRef: string) => Number(entityRef.split('-').pop());

describe('report queries with a large set of visible entities', () => {
  it.each(databases.eachSupportedId())(
    'filter, count, page, roll up and export only visible entities on %p',
    async databaseId => {
      const reports = await seed(databaseId);
      const visibility = largeVisibility();
      expect(visibility.entityRefs.length).toBeGreaterThan(35_000);

      const report = await reports.queryReport(
        { sort: 'name', pageSize: 20, groupBy: 'owner' },
        visibility,
      );
      expect(report.totalCount).toBe(VISIBLE_STORED);
      expect(report.items.map(item => item.entityRef)).toEqual(
        Array.from({ length: 23 }, (_, index) => index)
          .filter(isVisible)
          .map(refOf),
      );
      expect(
        report.rollups!.groups.reduce(
          (sum, group) => sum + group.entityCount,
          0,
        ),
      ).toBe(VISIBLE_STORED);
      // Of the 400 scanned, the even ones (D, musl error) include the 40 hidden.
      expect(report.summary.gradeCounts).toEqual(
        expect.objectContaining({ A: 200, D: 160 }),
      );

      const withMuslErrors = await reports.queryReport(
        { category: ['musl'], pageSize: 500 },
        visibility,
      );
      expect(withMuslErrors.totalCount).toBe(160);
      expect(
        withMuslErrors.items.every(item => isVisible(indexOf(item.entityRef))),
      ).toBe(true);

      let exported = 0;
      let hidden = 0;
      for await (const summary of reports.streamReport({}, visibility)) {
        exported += 1;
        hidden += isVisible(indexOf(summary.entityRef)) ? 0 : 1;
      }
      expect(exported).toBe(VISIBLE_STORED);
      expect(hidden).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps small sets and empty sets exact on %p',
    async databaseId => {
      const reports = await seed(databaseId);
      const few = await reports.queryReport(
        { sort: 'name' },
        { all: false, entityRefs: [refOf(1), refOf(3), 'component:x/y'] },
      );
      expect(few.items.map(item => item.entityRef)).toEqual([
        refOf(1),
        refOf(3),
      ]);
      const none = await reports.queryReport(
        {},
        { all: false, entityRefs: [] },
      );
      expect(none.totalCount).toBe(0);
    },
  );
});
