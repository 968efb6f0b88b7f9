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
import { toAnalysedDockerfiles } from '../scanner/analyseDockerfiles';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ORDERS = 'component:default/orders';

/** A report as the scan pipeline stores it, fix diffs computed from the text. */
function analysed(report: ReturnType<typeof fileReport>, content: string) {
  return toAnalysedDockerfiles(
    [report],
    [{ path: report.path, content, config: {} }],
  )[0];
}

const DOCKERFILE = [
  'FROM alpine:3.20',
  'LABEL note="<script>alert(1)</script>"',
  'RUN apk add curl',
  'CMD ["curl"]',
  '',
].join('\n');

const apkNoCache = finding({
  line: 3,
  endLine: 3,
  fix: {
    description: 'Add --no-cache',
    edits: [
      { line: 3, column: 13, endLine: 3, endColumn: 13, text: '--no-cache ' },
    ],
  },
});

async function stores(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const db = await connectDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return {
    db,
    scans: new DatabaseScanStore(db),
    reports: new ReportService(
      new DatabaseReportStore(db),
      createCompliancePolicy({}),
    ),
  };
}

describe.each(databases.eachSupportedId())(
  'Dockerfile content on %p',
  databaseId => {
    it('serves the analysed text and each fix as a unified diff computed at scan time', async () => {
      const { scans, reports } = await stores(databaseId);
      await scans.upsertEntities(
        [entityMetadata('orders')],
        new Date('2026-03-01T10:00:00Z'),
      );
      await scans.recordSuccesses([
        scanSuccess(ORDERS, [
          analysed(
            fileReport({
              path: 'apps/api/Dockerfile',
              findings: [apkNoCache, finding({ line: 1, ruleId: 'no-fix' })],
            }),
            DOCKERFILE,
          ),
        ]),
      ]);

      const [file] = (await reports.getEntityReport(ORDERS))!.dockerfiles;

      expect(file.content).toBe(DOCKERFILE);
      expect(file.contentOmitted).toBeUndefined();
      const [withoutFix, withFix] = file.findings;
      expect(withoutFix.fixDiff).toBeUndefined();
      expect(withFix.fixDiff).toBe(
        [
          '--- a/apps/api/Dockerfile',
          '+++ b/apps/api/Dockerfile',
          '@@ -1,4 +1,4 @@',
          ' FROM alpine:3.20',
          ' LABEL note="<script>alert(1)</script>"',
          '-RUN apk add curl',
          '+RUN apk add --no-cache curl',
          ' CMD ["curl"]',
          '',
        ].join('\n'),
      );
    });

    it('flags a file whose text was not kept and serves its findings without diffs', async () => {
      const { db, scans, reports } = await stores(databaseId);
      await scans.upsertEntities(
        [entityMetadata('orders')],
        new Date('2026-03-01T10:00:00Z'),
      );
      await scans.recordSuccesses([
        scanSuccess(ORDERS, [
          fileReport({ path: 'Dockerfile.huge', findings: [apkNoCache] }),
        ]),
      ]);

      const [file] = (await reports.getEntityReport(ORDERS))!.dockerfiles;

      expect(file.contentOmitted).toBe(true);
      expect(file.content).toBeUndefined();
      expect(file.findings).toEqual([apkNoCache]);
      const row = await db('dockerfiles').first('content', 'content_omitted');
      expect({
        content: row.content,
        omitted: Boolean(row.content_omitted),
      }).toEqual({ content: null, omitted: true });
    });

    it('leaves out a diff when the stored fix no longer fits the text', async () => {
      const { scans, reports } = await stores(databaseId);
      await scans.upsertEntities(
        [entityMetadata('orders')],
        new Date('2026-03-01T10:00:00Z'),
      );
      const outside = finding({
        fix: {
          description: 'Edit a line that is not there',
          edits: [
            { line: 40, column: 1, endLine: 40, endColumn: 2, text: 'x' },
          ],
        },
      });
      await scans.recordSuccesses([
        scanSuccess(ORDERS, [
          analysed(fileReport({ findings: [outside] }), DOCKERFILE),
        ]),
      ]);

      const [file] = (await reports.getEntityReport(ORDERS))!.dockerfiles;

      expect(file.findings).toEqual([outside]);
    });
  },
);
