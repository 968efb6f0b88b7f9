import { createAnalyzer } from '@alpine-advisor/analyzer';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { APK_CACHE_DOCKERFILE, component } from '../__testUtils__/entities';
import { createScanHarness } from '../__testUtils__/scanHarness';
import { analysisFingerprint } from './analysisFingerprint';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** A repository that tries every way to silence apk-no-cache. */
const repositories = {
  'https://scm.test/orders/': {
    files: {
      Dockerfile: APK_CACHE_DOCKERFILE.replace(
        'RUN apk add',
        '# hadolint ignore=DL3019\nRUN apk add',
      ),
      '.alpine-advisor.yaml': 'ignore: [apk-no-cache]\n',
    },
    revision: 'r1',
  },
};

describe.each(databases.eachSupportedId())(
  'enforced rules through the scan pipeline on %p',
  databaseId => {
    it('a repository cannot ignore an enforced rule; the report says it is enforced and how it was tried', async () => {
      const harness = await createScanHarness({
        databases,
        databaseId: databaseId as TestDatabaseId,
        entities: [component('orders')],
        repositories,
        enforcedRules: ['apk-no-cache'],
      });
      await harness.sweep();
      const report = await harness.reports.getEntityReport(
        'component:default/orders',
      );
      const findings = report!.dockerfiles[0].findings;
      const finding = findings.find(f => f.ruleId === 'apk-no-cache');
      expect(finding).toMatchObject({
        severity: 'warning',
        enforced: true,
        suppressionAttempts: [
          { via: 'config', requested: 'off' },
          { via: 'comment', line: 2, syntax: 'hadolint' },
        ],
      });
      expect(report!.findingCounts.warning).toBeGreaterThanOrEqual(1);
      // Other findings are stored without the enforcement fields.
      for (const other of findings.filter(f => f.ruleId !== 'apk-no-cache')) {
        expect(other.enforced).toBeUndefined();
        expect(other.suppressionAttempts).toBeUndefined();
      }
    });

    it('without enforcement the same repository silences the rule', async () => {
      const harness = await createScanHarness({
        databases,
        databaseId: databaseId as TestDatabaseId,
        entities: [component('orders')],
        repositories,
      });
      await harness.sweep();
      const report = await harness.reports.getEntityReport(
        'component:default/orders',
      );
      expect(report!.dockerfiles[0].findings.map(f => f.ruleId)).not.toContain(
        'apk-no-cache',
      );
    });
  },
);

describe('analysisFingerprint', () => {
  it('changes with the enforced rules, so unchanged repositories are analysed again', () => {
    const analyzer = createAnalyzer();
    expect(analysisFingerprint(analyzer, {}, undefined, [])).toBe(
      analysisFingerprint(analyzer, {}),
    );
    expect(
      analysisFingerprint(analyzer, {}, undefined, ['apk-no-cache']),
    ).not.toBe(analysisFingerprint(analyzer, {}));
  });
});
