import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { component } from '../__testUtils__/entities';
import { createScanHarness } from '../__testUtils__/scanHarness';
import { Writable } from 'node:stream';
import { streamExport } from './exportReport';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ALL = { all: true } as const;

/** apk-no-cache twice (one under a suppression comment), apk-upgrade, a root user. */
const SILENCING_DOCKERFILE = [
  'FROM alpine:3.22',
  '# hadolint ignore=DL3019',
  'RUN apk add curl',
  'RUN apk upgrade && apk add git',
  'CMD ["git"]',
  '',
].join('\n');

async function setUp(databaseId: TestDatabaseId, enforcedRules: string[]) {
  const harness = await createScanHarness({
    databases,
    databaseId,
    entities: [component('orders'), component('billing')],
    repositories: {
      'https://scm.test/orders/': {
        files: {
          Dockerfile: SILENCING_DOCKERFILE,
          // root-user is the repository's doing; apk-upgrade is the organisation's.
          '.alpine-advisor.yaml': 'ignore: [root-user, apk-upgrade]\n',
        },
        revision: 'r1',
      },
      'https://scm.test/billing/': {
        files: {
          Dockerfile: SILENCING_DOCKERFILE.replace(
            '# hadolint ignore=DL3019\n',
            '',
          ),
        },
        revision: 'r1',
      },
    },
    organisationConfig: { ignore: ['apk-upgrade'] },
    enforcedRules,
  });
  await harness.sweep();
  return harness;
}

describe.each(databases.eachSupportedId())(
  'per-service suppression summary on %p',
  databaseId => {
    it('counts what each service silences by its config (beyond the organisation’s) and by comments', async () => {
      const harness = await setUp(databaseId, []);
      const report = await harness.reports.queryReport({ sort: 'name' }, ALL);
      const byName = Object.fromEntries(
        report.items.map(item => [item.name, item]),
      );
      expect(byName.orders.suppressions).toEqual({
        config: 1,
        comment: 1,
        enforcedAttempts: 0,
      });
      expect(byName.billing.suppressions).toEqual({
        config: 0,
        comment: 0,
        enforcedAttempts: 0,
      });
    });

    it('counts attempts to silence enforced rules, and filters services that silence findings', async () => {
      const harness = await setUp(databaseId, ['apk-no-cache']);
      const report = await harness.reports.queryReport({ sort: 'name' }, ALL);
      const byName = Object.fromEntries(
        report.items.map(item => [item.name, item]),
      );
      // apk-no-cache is enforced: the comment cannot silence it, and the attempt shows.
      expect(byName.orders.suppressions).toEqual({
        config: 1,
        comment: 0,
        enforcedAttempts: 1,
      });
      expect(byName.billing.suppressions).toEqual({
        config: 0,
        comment: 0,
        enforcedAttempts: 0,
      });

      const silencing = await harness.reports.queryReport(
        { suppressed: true },
        ALL,
      );
      expect(silencing.items.map(item => item.name)).toEqual(['orders']);
      const silent = await harness.reports.queryReport(
        { suppressed: false },
        ALL,
      );
      expect(silent.items.map(item => item.name)).toEqual(['billing']);
    });

    it('exports the counts in CSV', async () => {
      const harness = await setUp(databaseId, []);
      let body = '';
      const sink = Object.assign(
        new Writable({
          write(chunk, _encoding, callback) {
            body += chunk.toString();
            callback();
          },
        }),
        { setHeader: () => {} },
      );
      await streamExport(
        harness.reports.streamReport({ suppressed: true }, ALL),
        'csv',
        sink as any,
      );
      const [header, row] = body.trim().split('\n');
      const columns = header.split(',');
      const values = row.split(',');
      const value = (column: string) => values[columns.indexOf(column)];
      expect(value('entityRef')).toBe('component:default/orders');
      expect(value('suppressedByConfig')).toBe('1');
      expect(value('suppressedByComment')).toBe('1');
      expect(value('enforcedSuppressionAttempts')).toBe('0');
    });
  },
);
