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
import { connectDatabase } from '../database/connectDatabase';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { FixDiffStore } from '../database/FixDiffStore';
import { createCompliancePolicy } from '../service/report/compliance';
import { ReportService } from '../service/report/ReportService';
import { toAnalysedDockerfiles } from './analyseDockerfiles';
import { backfillFixDiffs } from './FixDiffBackfill';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ORDERS = 'component:default/orders';
const DOCKERFILE = 'FROM alpine:3.20\nRUN apk add curl\n';
const apkNoCache = finding({
  line: 2,
  endLine: 2,
  fix: {
    description: 'Add --no-cache',
    edits: [
      { line: 2, column: 13, endLine: 2, endColumn: 13, text: '--no-cache ' },
    ],
  },
});

describe.each(databases.eachSupportedId())(
  'fix diff backfill on %p',
  databaseId => {
    it('stores once the diffs of rows scanned before diffs were stored, as a scan would have', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const db = await connectDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const scans = new DatabaseScanStore(db);
      const reports = new ReportService(
        new DatabaseReportStore(db),
        createCompliancePolicy({}),
      );
      await scans.upsertEntities([entityMetadata('orders')], new Date(0));
      const files = toAnalysedDockerfiles(
        [
          fileReport({ findings: [apkNoCache] }),
          fileReport({ path: 'Dockerfile.huge', findings: [apkNoCache] }),
        ],
        [
          { path: 'Dockerfile', content: DOCKERFILE, config: {} },
          { path: 'Dockerfile.huge', content: Buffer.from([0]), config: {} },
        ],
      );
      await scans.recordSuccesses([scanSuccess(ORDERS, files)]);
      const scanned = (await reports.getEntityReport(ORDERS))!;
      const diff = scanned.dockerfiles[0].findings[0].fixDiff;
      expect(diff).toContain('+RUN apk add --no-cache curl');
      expect(scanned.dockerfiles[1].findings[0].fixDiff).toBeUndefined();
      expect(await backfillFixDiffs(new FixDiffStore(db))).toBe(0);

      // Rows as stored before the migration that added the diffs.
      await db('findings').update({ fix_diff: null });
      await db('dockerfiles').update({ fix_diffs_stored: false });
      const before = (await reports.getEntityReport(ORDERS))!;
      expect(before.dockerfiles[0].findings[0].fixDiff).toBeUndefined();

      expect(await backfillFixDiffs(new FixDiffStore(db))).toBe(2);

      expect(await reports.getEntityReport(ORDERS)).toEqual(scanned);
      expect(await backfillFixDiffs(new FixDiffStore(db))).toBe(0);
    });
  },
);
