import type { NewCampaign } from '@alpine-advisor/backstage-plugin-common';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { connectDatabase } from '../database/connectDatabase';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import {
  createCompliancePolicy,
  reportTerms,
} from '../service/report/compliance';
import {
  entityMetadata,
  fileReport,
  finding,
  scanSuccess,
} from '../__testUtils__/fixtures';
import { ConfigReader } from '@backstage/config';
import { AdvisorNotifier } from '../notifications/AdvisorNotifier';
import { NotificationStateStore } from '../notifications/NotificationStateStore';
import { readNotificationSettings } from '../notifications/settings';
import { CampaignNotice, CampaignNotices } from './CampaignNotices';
import {
  CAMPAIGN_DEADLINE_TOPIC,
  notifierNoticeSender,
} from './notifierNoticeSender';
import { CampaignService } from './CampaignService';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';

// Seeds a month of history on both databases: minutes on a loaded CI machine.
jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ALL = { all: true } as const;
const ref = (name: string) => `component:default/${name}`;
const at = (day: string) => new Date(`${day}T09:00:00Z`);
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

const eol = finding({
  ruleId: 'alpine-eol',
  category: 'alpine',
  severity: 'error',
});
const muslError = finding({
  ruleId: 'glibc-binary-into-alpine',
  category: 'musl',
  severity: 'error',
});
const cache = finding();

const analyzer = {
  getRule: (reference: string) => {
    const ids: Record<string, string> = {
      'alpine-eol': 'alpine-eol',
      'apk-no-cache': 'apk-no-cache',
      'hadolint:DL3019': 'apk-no-cache',
      'glibc-binary-into-alpine': 'glibc-binary-into-alpine',
    };
    return ids[reference] ? ({ id: ids[reference] } as any) : undefined;
  },
};

/**
 * Four services. Day 1: orders (team-a) end-of-life Alpine and a musl
 * error, billing (team-a) end-of-life, search (team-b) the apk cache,
 * legacy (team-b) end-of-life. Day 2: orders off the end-of-life release
 * (musl error stays), billing and search as they were, legacy not scanned.
 * Day 3: orders, billing and search unchanged (carried forward). Day 4:
 * orders and billing clean, search gets end-of-life Alpine.
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
      entityMetadata('search', { owner: TEAM_B }),
      entityMetadata('legacy', { owner: TEAM_B, lifecycle: 'experimental' }),
    ],
    at('2026-03-01'),
  );
  const scan = (name: string, day: string, findings: any[]) =>
    scanSuccess(ref(name), [fileReport({ findings })], {
      startedAt: at(day),
    });
  await scans.recordSuccesses([
    scan('orders', '2026-03-01', [eol, muslError]),
    scan('billing', '2026-03-01', [eol]),
    scan('search', '2026-03-01', [cache]),
    scan('legacy', '2026-03-01', [eol]),
  ]);
  await scans.recordSuccesses([
    scan('orders', '2026-03-02', [muslError]),
    scan('billing', '2026-03-02', [eol, eol]),
    scan('search', '2026-03-02', [cache]),
  ]);
  await scans.recordUnchanged(
    [ref('orders'), ref('billing'), ref('search')],
    at('2026-03-03'),
  );
  await scans.recordSuccesses([
    scan('orders', '2026-03-04', []),
    // A rescan later the same day replaces the day's record.
    scan('billing', '2026-03-04', [eol]),
    scan('search', '2026-03-04', [eol]),
  ]);
  await scans.recordSuccesses([
    scanSuccess(ref('billing'), [fileReport({ findings: [] })], {
      startedAt: new Date('2026-03-04T15:00:00Z'),
    }),
  ]);
  const store = new DatabaseCampaignStore(db);
  let now = new Date('2026-03-04T18:00:00Z');
  const service = (configured: NewCampaign[] = []) =>
    new CampaignService({
      store,
      analyzer,
      configured,
      terms: reportTerms(createCompliancePolicy({})),
      now: () => now,
    });
  return {
    db,
    store,
    service,
    setNow: (time: string) => {
      now = new Date(time);
    },
  };
}

const campaign = (overrides: Partial<NewCampaign> = {}): NewCampaign => ({
  id: 'retire-eol',
  title: 'Retire end-of-life Alpine',
  condition: 'eol-alpine',
  startsOn: '2026-03-01',
  deadline: '2026-03-20',
  ...overrides,
});

/**
 * The burn-down as the stored history says it should be, counted here in
 * JavaScript from the raw rows (not with the store's SQL).
 */
async function burnDownFromRawHistory(
  db: Awaited<ReturnType<typeof seed>>['db'],
  inScope: (entityRef: string) => boolean,
  affected: (
    history: { musl_error_count: number | null },
    rules: Set<string>,
  ) => boolean,
  onlyRecordedRules: boolean,
) {
  const history = await db('score_history').orderBy('day');
  const ruleRows = await db('rule_history');
  const days = new Map<string, { scanned: number; affected: number }>();
  for (const row of history) {
    if (!inScope(row.entity_ref)) continue;
    if (onlyRecordedRules && !row.rules_recorded) continue;
    const rules = new Set<string>(
      ruleRows
        .filter(r => r.entity_ref === row.entity_ref && r.day === row.day)
        .map(r => r.rule_id),
    );
    const day = days.get(row.day) ?? { scanned: 0, affected: 0 };
    day.scanned += 1;
    if (affected(row, rules)) day.affected += 1;
    days.set(row.day, day);
  }
  return [...days].map(([day, counts]) => ({
    day,
    scannedCount: counts.scanned,
    affectedCount: counts.affected,
  }));
}

describe.each(databases.eachSupportedId())('campaigns on %p', databaseId => {
  it('burns down end-of-life Alpine per day, as the stored history has it', async () => {
    const { db, service } = await seed(databaseId);
    const campaigns = service([campaign()]);
    const progress = await campaigns.progress('retire-eol', ALL);
    expect(progress.burnDown).toEqual([
      { day: '2026-03-01', scannedCount: 4, affectedCount: 3 },
      { day: '2026-03-02', scannedCount: 3, affectedCount: 1 },
      { day: '2026-03-03', scannedCount: 3, affectedCount: 1 },
      { day: '2026-03-04', scannedCount: 3, affectedCount: 1 },
    ]);
    expect(progress.burnDown).toEqual(
      await burnDownFromRawHistory(
        db,
        () => true,
        (_row, rules) => rules.has('alpine-eol'),
        true,
      ),
    );
    // Today: search and legacy (whose last scan had it) are affected.
    expect(progress).toMatchObject({
      state: 'active',
      affectedCount: 2,
      totalCount: 4,
      daysLeft: 16,
    });
    expect(progress.owners).toEqual([
      { owner: TEAM_B, affectedCount: 2, totalCount: 2 },
      { owner: TEAM_A, affectedCount: 0, totalCount: 2 },
    ]);
  });

  it('burns down breaking musl risks from the daily musl error counts', async () => {
    const { db, service } = await seed(databaseId);
    const campaigns = service([
      campaign({ id: 'musl', condition: 'breaking-musl' }),
    ]);
    const progress = await campaigns.progress('musl', ALL);
    expect(progress.burnDown.map(point => point.affectedCount)).toEqual([
      1, 1, 1, 0,
    ]);
    expect(progress.burnDown).toEqual(
      await burnDownFromRawHistory(
        db,
        () => true,
        row => (row.musl_error_count ?? 0) > 0,
        false,
      ),
    );
    expect(progress.state).toBe('done');
  });

  it('narrows to its scope and to what the caller may read', async () => {
    const { db, service } = await seed(databaseId);
    const campaigns = service([
      campaign({ scope: { owner: [TEAM_B], lifecycle: ['production'] } }),
    ]);
    const progress = await campaigns.progress('retire-eol', ALL);
    expect(progress.burnDown).toEqual(
      await burnDownFromRawHistory(
        db,
        entityRef => entityRef === ref('search'),
        (_row, rules) => rules.has('alpine-eol'),
        true,
      ),
    );
    expect(progress.burnDown.map(point => point.affectedCount)).toEqual([
      0, 0, 0, 1,
    ]);
    expect(progress.owners).toEqual([
      { owner: TEAM_B, affectedCount: 1, totalCount: 1 },
    ]);

    const hidden = await service([campaign()]).progress('retire-eol', {
      all: false,
      entityRefs: [ref('orders'), ref('billing')],
    });
    expect(hidden).toMatchObject({ affectedCount: 0, totalCount: 2 });
    expect(hidden.burnDown[0]).toEqual({
      day: '2026-03-01',
      scannedCount: 2,
      affectedCount: 2,
    });
    expect(JSON.stringify(hidden)).not.toContain(TEAM_B);
  });

  it('burns down the same when most services are readable, from every row less the hidden ones', async () => {
    const { db, service } = await seed(databaseId);
    // Three of four readable: read as every row less legacy's.
    const readable = [ref('orders'), ref('billing'), ref('search')];
    const visibility = { all: false as const, entityRefs: readable };
    const eolProgress = await service([campaign()]).progress(
      'retire-eol',
      visibility,
    );
    expect(eolProgress.burnDown).toEqual(
      await burnDownFromRawHistory(
        db,
        entityRef => readable.includes(entityRef),
        (_row, rules) => rules.has('alpine-eol'),
        true,
      ),
    );
    expect(eolProgress.burnDown[0]).toEqual({
      day: '2026-03-01',
      scannedCount: 3,
      affectedCount: 2,
    });
    const muslProgress = await service([
      campaign({ id: 'musl', condition: 'breaking-musl' }),
    ]).progress('musl', visibility);
    expect(muslProgress.burnDown).toEqual(
      await burnDownFromRawHistory(
        db,
        entityRef => readable.includes(entityRef),
        row => (row.musl_error_count ?? 0) > 0,
        false,
      ),
    );
    expect(JSON.stringify([eolProgress, muslProgress])).not.toContain('legacy');
  });

  it('leaves out days recorded before rule history was kept, for rule conditions only', async () => {
    const { db, service } = await seed(databaseId);
    await db('score_history')
      .where('day', '2026-03-01')
      .update({ rules_recorded: false });
    await db('rule_history').where('day', '2026-03-01').delete();
    const campaigns = service([
      campaign(),
      campaign({ id: 'musl', condition: 'breaking-musl' }),
    ]);
    const eolDays = (await campaigns.progress('retire-eol', ALL)).burnDown;
    expect(eolDays.map(point => point.day)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
    const muslDays = (await campaigns.progress('musl', ALL)).burnDown;
    expect(muslDays[0]).toEqual({
      day: '2026-03-01',
      scannedCount: 4,
      affectedCount: 1,
    });
  });

  it('stops the burn-down at the deadline and says overdue after it', async () => {
    const { service, setNow } = await seed(databaseId);
    const campaigns = service([
      campaign({ deadline: '2026-03-02', startsOn: '2026-02-20' }),
    ]);
    const progress = await campaigns.progress('retire-eol', ALL);
    expect(progress.burnDown.map(point => point.day)).toEqual([
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(progress).toMatchObject({ state: 'overdue', daysLeft: -2 });
    setNow('2026-02-10T00:00:00Z');
    const early = await campaigns.progress('retire-eol', ALL);
    expect(early).toMatchObject({ state: 'upcoming', burnDown: [] });
  });

  it('stores, lists and deletes API campaigns next to app-config ones', async () => {
    const { service } = await seed(databaseId);
    const campaigns = service([campaign({ id: 'from-config' })]);
    const created = await campaigns.create(
      {
        id: 'drop-apk-cache',
        title: '  No apk cache  ',
        condition: 'rules',
        rules: ['hadolint:DL3019', 'apk-no-cache'],
        scope: { owner: [TEAM_B] },
        deadline: '2026-04-01',
      },
      'user:default/lead',
    );
    expect(created).toEqual({
      id: 'drop-apk-cache',
      title: 'No apk cache',
      condition: 'rules',
      rules: ['apk-no-cache'],
      scope: { owner: [TEAM_B] },
      startsOn: '2026-03-04',
      deadline: '2026-04-01',
      source: 'api',
      createdBy: 'user:default/lead',
      createdAt: '2026-03-04T18:00:00.000Z',
    });
    const list = await campaigns.list(ALL);
    expect(
      list.items.map(item => [item.campaign.id, item.affectedCount]),
    ).toEqual([
      ['from-config', 2],
      ['drop-apk-cache', 0],
    ]);
    const progress = await campaigns.progress('drop-apk-cache', ALL);
    // search had the apk cache until its scan of the 4th.
    expect(progress.burnDown).toEqual([
      { day: '2026-03-04', scannedCount: 1, affectedCount: 0 },
    ]);

    await expect(
      campaigns.create(campaign({ id: 'drop-apk-cache' }), 'user:default/x'),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(
      campaigns.create(campaign({ id: 'from-config' }), 'user:default/x'),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(campaigns.delete('from-config')).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await campaigns.delete('drop-apk-cache');
    await expect(campaigns.delete('drop-apk-cache')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      campaigns.progress('drop-apk-cache', ALL),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it.each([
    ['an id with capitals', { id: 'Retire' }],
    ['an id with a slash', { id: 'a/b' }],
    ['a blank title', { title: '   ' }],
    ['rules with a named condition', { rules: ['apk-no-cache'] }],
    ['the rules condition without rules', { condition: 'rules' as const }],
    [
      'an unknown rule',
      { condition: 'rules' as const, rules: ['../../etc/passwd'] },
    ],
    ['an unknown condition', { condition: 'no-bugs' as any }],
    ['a deadline that is no day', { deadline: '2026-02-30' }],
    ['a deadline in the past', { deadline: '2026-03-03' }],
    [
      'a deadline before the start',
      { startsOn: '2026-03-10', deadline: '2026-03-09' },
    ],
    ['a deadline years ahead', { deadline: '2036-01-01', startsOn: undefined }],
    ['a scope value that is no name', { scope: { owner: [''] } }],
  ])('refuses %s and stores nothing', async (_what, overrides) => {
    const { service, store } = await seed(databaseId);
    await expect(
      service().create(campaign(overrides), 'user:default/lead'),
    ).rejects.toMatchObject({ name: 'InputError' });
    expect(await store.list()).toEqual([]);
  });

  it('refuses a bad app-config campaign at start-up, naming it', async () => {
    const { service } = await seed(databaseId);
    expect(() => service([campaign(), campaign({ title: 'again' })])).toThrow(
      'alpineAdvisor.campaigns[1]: the id "retire-eol" is used twice',
    );
    expect(() => service([campaign({ deadline: 'soon' })])).toThrow(
      'alpineAdvisor.campaigns[0]: deadline must be a day',
    );
    // A config campaign may be past; without startsOn it spans 90 days.
    const past = service([
      campaign({ deadline: '2026-01-31', startsOn: undefined }),
    ]);
    expect((await past.get('retire-eol')).startsOn).toBe('2025-11-02');
  });

  it('tells each affected owner once per milestone as the deadline nears', async () => {
    const { service, store, setNow } = await seed(databaseId);
    const campaigns = service([campaign()]);
    const sent: CampaignNotice[] = [];
    let failNext = false;
    const notices = new CampaignNotices({
      campaigns,
      store,
      daysBefore: [14, 3],
      logger: mockServices.logger.mock(),
      sender: {
        async send(notice) {
          if (failNext) {
            failNext = false;
            throw new Error('notifications backend down');
          }
          sent.push(notice);
        },
      },
    });
    // 16 days left: no milestone yet.
    expect(await notices.run()).toBe(0);
    setNow('2026-03-06T08:00:00Z');
    failNext = true;
    expect(await notices.run()).toBe(0);
    // The failed notice was given back: sent on the next run, once.
    expect(await notices.run()).toBe(1);
    expect(await notices.run()).toBe(0);
    expect(sent).toEqual([
      expect.objectContaining({
        owner: TEAM_B,
        affectedCount: 2,
        totalCount: 2,
        daysLeft: 14,
        daysBefore: 14,
      }),
    ]);
    // team-a has nothing affected: never told.
    setNow('2026-03-18T08:00:00Z');
    expect(await notices.run()).toBe(1);
    expect(sent[1]).toMatchObject({ owner: TEAM_B, daysBefore: 3 });
    expect(await notices.run()).toBe(0);
    // Past the deadline: no more notices.
    setNow('2026-03-21T08:00:00Z');
    expect(await notices.run()).toBe(0);
  });

  it('sends deadline notices to the owning group through the notifications service, once', async () => {
    const { db, service, store, setNow } = await seed(databaseId);
    const campaigns = service([campaign()]);
    const send = jest.fn(async (_options: any) => {});
    const notices = (topics: Record<string, boolean> = {}) =>
      new CampaignNotices({
        campaigns,
        store,
        daysBefore: [14, 3],
        logger: mockServices.logger.mock(),
        sender: notifierNoticeSender(
          new AdvisorNotifier({
            notifications: { send } as any,
            store: new NotificationStateStore(db),
            settings: readNotificationSettings(
              new ConfigReader({
                alpineAdvisor: { notifications: { topics } },
              }),
            ),
            logger: mockServices.logger.mock(),
          }),
        ),
      });
    setNow('2026-03-18T08:00:00Z');
    send.mockRejectedValueOnce(new Error('notifications backend down'));
    expect(await notices().run()).toBe(0);
    expect(await notices().run()).toBe(1);
    expect(await notices().run()).toBe(0);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith({
      recipients: { type: 'entity', entityRef: TEAM_B },
      payload: {
        title: 'Campaign "Retire end-of-life Alpine" ends in 2 days',
        description:
          '2 of your 2 services in the campaign are still affected: they run an end-of-life Alpine release. The deadline is 2026-03-20.',
        link: '/alpine-advisor/campaigns',
        severity: 'high',
        topic: CAMPAIGN_DEADLINE_TOPIC,
        scope: `${CAMPAIGN_DEADLINE_TOPIC}:retire-eol`,
      },
    });
  });
});
