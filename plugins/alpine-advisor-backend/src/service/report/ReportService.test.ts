import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  entityMetadata,
  fileReport,
  finding,
  scanSuccess,
} from '../../__testUtils__/fixtures';
import { connectDatabase } from '../../database/connectDatabase';
import { DatabaseReportStore } from '../../database/DatabaseReportStore';
import { DatabaseScanStore } from '../../database/DatabaseScanStore';
import { createCompliancePolicy } from './compliance';
import { ReportService } from './ReportService';

// Loading the analyzer at all fails this test: a report read must only read
// what the scan stored (fix diffs included), never analyse or apply fixes.
const analyzerLoads = jest.fn();
jest.mock('@alpine-advisor/analyzer', () => {
  analyzerLoads();
  throw new Error('a report read loaded the analyzer');
});

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const ORDERS = 'component:default/orders';

describe('ReportService', () => {
  it('serves reports, fix diffs included, without loading analyzer code', async () => {
    const knex = await databases.init('SQLITE_3');
    const db = await connectDatabase(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const scans = new DatabaseScanStore(db);
    await scans.upsertEntities([entityMetadata('orders')], new Date(0));
    const fixed = {
      ...finding({
        fix: {
          description: 'Add --no-cache',
          edits: [
            {
              line: 3,
              column: 13,
              endLine: 3,
              endColumn: 13,
              text: '--no-cache ',
            },
          ],
        },
      }),
      fixDiff: '--- a/Dockerfile\n+++ b/Dockerfile\n',
    };
    await scans.recordSuccesses([
      scanSuccess(ORDERS, [
        { ...fileReport({ findings: [fixed] }), content: 'FROM alpine\n' },
      ]),
    ]);
    const reports = new ReportService(
      new DatabaseReportStore(db),
      createCompliancePolicy({}),
    );

    const report = await reports.getEntityReport(ORDERS);
    const org = await reports.queryReport({}, { all: true });

    expect(report!.dockerfiles[0].findings).toEqual([fixed]);
    expect(report!.compliant).toBe(true);
    expect(org.summary.compliantCount).toBe(1);
    expect(analyzerLoads).not.toHaveBeenCalled();
  });
});
