import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { APK_CACHE_DOCKERFILE, component } from '../__testUtils__/entities';
import { createScanHarness, T0 } from '../__testUtils__/scanHarness';
import { DatabaseKnowledgeStore } from '../knowledge/DatabaseKnowledgeStore';
import { WaiverApplier } from './WaiverApplier';
import { WaiverService, WaiverSettings } from './WaiverService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ORDERS = 'component:default/orders';
const OWNER = 'user:default/olivia';
const LEAD = 'user:default/lee';
const DAY = 24 * 60 * 60 * 1000;
const days = (n: number) => new Date(T0.getTime() + n * DAY);

async function setUp(
  databaseId: TestDatabaseId,
  settings: Partial<WaiverSettings> = {},
  enforcedRules: string[] = [],
) {
  const harness = await createScanHarness({
    databases,
    databaseId,
    entities: [component('orders')],
    repositories: {
      'https://scm.test/orders/': {
        files: { Dockerfile: APK_CACHE_DOCKERFILE },
        revision: 'r1',
      },
    },
    enforcedRules,
  });
  await harness.sweep();
  const applier = new WaiverApplier({
    waivers: harness.waivers,
    knowledgeStore: new DatabaseKnowledgeStore(harness.db),
    scanStore: harness.store,
    analysis: harness.analysis,
    logger: mockServices.logger.mock(),
    now: () => harness.clock.now,
  });
  const service = new WaiverService({
    store: harness.waivers,
    analyzer: harness.analyzer,
    enforcedRules,
    settings: {
      maxDays: 90,
      requireApproval: false,
      expiringSoonDays: 14,
      ...settings,
    },
    reapply: entityRef => applier.reapply(entityRef),
    now: () => harness.clock.now,
  });
  const report = async () => (await harness.reports.getEntityReport(ORDERS))!;
  return { harness, applier, service, report };
}

describe.each(databases.eachSupportedId())('waivers on %p', databaseId => {
  const id = databaseId as TestDatabaseId;

  it('a waiver reduces the score only until its expiry, and the report marks the finding', async () => {
    const { harness, applier, service, report } = await setUp(id);
    const before = await report();
    const finding = before.dockerfiles[0].findings.find(
      f => f.ruleId === 'apk-no-cache',
    )!;
    expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(before.waivedCount).toBe(0);

    const waiver = await service.create(
      ORDERS,
      {
        ruleId: 'hadolint:DL3019',
        fingerprint: finding.fingerprint,
        reason:
          'curl comes from a pinned mirror; cache cleared in the next step',
        expiresAt: days(10).toISOString(),
      },
      OWNER,
    );
    expect(waiver).toMatchObject({
      ruleId: 'apk-no-cache',
      status: 'active',
      createdBy: OWNER,
    });

    const waived = await report();
    const marked = waived.dockerfiles[0].findings.find(
      f => f.ruleId === 'apk-no-cache',
    )!;
    expect(marked.waived).toEqual({
      waiverId: waiver.id,
      expiresAt: days(10).toISOString(),
    });
    expect(waived.score!).toBeGreaterThan(before.score!);
    expect(waived.waivedCount).toBe(1);
    expect(waived.findingCounts.warning).toBe(before.findingCounts.warning - 1);
    expect(waived.scan?.trigger).toBe('waiver');

    // The waiver is still in force the second before it expires.
    harness.clock.now = new Date(days(10).getTime() - 1000);
    expect(await applier.applyExpiries()).toEqual([]);
    expect((await report()).score).toBe(waived.score);
    expect(
      (await service.list({ entityRef: ORDERS }, { all: true })).summary
        .expiringSoonCount,
    ).toBe(1);

    harness.clock.now = days(10);
    expect(await applier.applyExpiries()).toEqual([ORDERS]);
    const expired = await report();
    expect(expired.score).toBe(before.score);
    expect(expired.waivedCount).toBe(0);
    expect(
      expired.dockerfiles[0].findings.find(f => f.ruleId === 'apk-no-cache')
        ?.waived,
    ).toBeUndefined();
    const list = await service.list({ entityRef: ORDERS }, { all: true });
    expect(list.items.map(w => w.status)).toEqual(['expired']);
    // Applied once: the next run has nothing to do.
    expect(await applier.applyExpiries()).toEqual([]);
  });

  it('a new scan (sweep) applies the waivers in force', async () => {
    const { harness, service, report } = await setUp(id);
    await service.create(
      ORDERS,
      {
        ruleId: 'apk-no-cache',
        reason: 'accepted',
        expiresAt: days(5).toISOString(),
      },
      OWNER,
    );
    harness.reader.repositories['https://scm.test/orders/'].revision = 'r2';
    harness.clock.now = days(1);
    await harness.sweep();
    const after = await report();
    expect(after.scan?.trigger).toBe('schedule');
    expect(after.waivedCount).toBe(1);
  });

  it('a revoked waiver stops applying at once', async () => {
    const { service, report } = await setUp(id);
    const before = await report();
    const waiver = await service.create(
      ORDERS,
      { ruleId: 'apk-no-cache', reason: 'r', expiresAt: days(5).toISOString() },
      OWNER,
    );
    const revoked = await service.revoke(await service.get(waiver.id), LEAD);
    expect(revoked).toMatchObject({ status: 'revoked', revokedBy: LEAD });
    expect((await report()).score).toBe(before.score);
    await expect(
      service.revoke(await service.get(waiver.id), LEAD),
    ).rejects.toThrow(ConflictError);
  });

  it('with approval required, a waiver applies once someone else approves it', async () => {
    const { service, report } = await setUp(id, { requireApproval: true });
    const before = await report();
    const waiver = await service.create(
      ORDERS,
      { ruleId: 'apk-no-cache', reason: 'r', expiresAt: days(5).toISOString() },
      OWNER,
    );
    expect(waiver.status).toBe('pending');
    expect((await report()).score).toBe(before.score);
    await expect(
      service.approve(await service.get(waiver.id), OWNER),
    ).rejects.toThrow(/cannot be approved by whoever recorded it/);
    const approved = await service.approve(await service.get(waiver.id), LEAD);
    expect(approved).toMatchObject({ status: 'active', approvedBy: LEAD });
    expect((await report()).score!).toBeGreaterThan(before.score!);
    await expect(
      service.approve(await service.get(waiver.id), LEAD),
    ).rejects.toThrow(ConflictError);
  });

  it('refuses enforced rules, unknown rules, past and too distant expiries, empty reasons', async () => {
    const { service } = await setUp(id, { maxDays: 30 }, ['apk-no-cache']);
    const valid = {
      ruleId: 'base-image-latest',
      reason: 'r',
      expiresAt: days(5).toISOString(),
    };
    const cases: Array<[object, RegExp]> = [
      [{ ruleId: 'apk-no-cache' }, /enforced by the organisation/],
      [{ ruleId: 'hadolint:DL3019' }, /enforced by the organisation/],
      [{ ruleId: 'no-such-rule' }, /Unknown rule "no-such-rule"/],
      [{ expiresAt: T0.toISOString() }, /must be in the future/],
      [{ expiresAt: days(31).toISOString() }, /at most 30 days ahead/],
      [{ reason: '   ' }, /needs a reason/],
    ];
    for (const [change, message] of cases) {
      await expect(
        service.create(ORDERS, { ...valid, ...change }, OWNER),
      ).rejects.toThrow(message);
      await expect(
        service.create(ORDERS, { ...valid, ...change }, OWNER),
      ).rejects.toThrow(InputError);
    }
    expect(
      (await service.list({ entityRef: ORDERS }, { all: true })).items,
    ).toEqual([]);
  });

  it('lists only visible entities org-wide, with expiring-soon counts', async () => {
    const { service } = await setUp(id);
    await service.create(
      ORDERS,
      { ruleId: 'apk-no-cache', reason: 'r', expiresAt: days(3).toISOString() },
      OWNER,
    );
    await service.create(
      ORDERS,
      { ruleId: 'root-user', reason: 'r', expiresAt: days(60).toISOString() },
      OWNER,
    );
    const all = await service.list({}, { all: true });
    expect(all.summary).toMatchObject({
      activeCount: 2,
      pendingCount: 0,
      expiringSoonCount: 1,
    });
    expect(
      (await service.list({ expiringWithinDays: 7 }, { all: true })).items.map(
        w => w.ruleId,
      ),
    ).toEqual(['apk-no-cache']);
    expect(
      (await service.list({}, { all: false, entityRefs: [] })).items,
    ).toEqual([]);
    expect(
      (await service.list({}, { all: false, entityRefs: [ORDERS] })).items
        .length,
    ).toBe(2);
  });
});
