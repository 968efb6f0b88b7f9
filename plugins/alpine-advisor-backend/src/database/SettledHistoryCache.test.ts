import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  entityMetadata,
  fileReport,
  finding,
  scanSuccess,
} from '../__testUtils__/fixtures';
import {
  CampaignTarget,
  DatabaseCampaignStore,
} from '../campaigns/DatabaseCampaignStore';
import {
  createCompliancePolicy,
  reportTerms,
} from '../service/report/compliance';
import { connectDatabase } from './connectDatabase';
import { DatabaseReportStore } from './DatabaseReportStore';
import { DatabaseScanStore } from './DatabaseScanStore';
import type { EntityVisibility } from './ReportStore';
import { SettledHistoryCache } from './SettledHistoryCache';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const terms = reportTerms(createCompliancePolicy({}));
const ALL: EntityVisibility = { all: true };
const ref = (name: string) => `component:default/${name}`;
const at = (day: string) => new Date(`${day}T09:00:00Z`);
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
/** Noon on 2026-03-05: 03-04 and 03-05 are live, the days before settled. */
const now = () => new Date('2026-03-05T12:00:00Z');
const TEAM_A = { owner: ['group:default/team-a'] };

const muslError = finding({
  ruleId: 'glibc-binary-in-alpine',
  category: 'musl',
  severity: 'error',
});

function gradeOf(score: number) {
  if (score >= 90) return 'A';
  return score >= 80 ? 'B' : 'D';
}

function scan(name: string, day: string, score: number, musl = false) {
  return scanSuccess(
    ref(name),
    [
      fileReport({
        score,
        grade: gradeOf(score),
        findings: musl ? [muslError] : [],
      }),
    ],
    { startedAt: at(day) },
  );
}

/**
 * orders and billing (team-a) and search (team-b), scanned every day from
 * 2026-03-01 to 03-04 with scores that move; billing has a musl error on
 * odd days.
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
  for (const [index, day] of DAYS.entries()) {
    await scans.recordSuccesses([
      scan('orders', day, 95 - index),
      scan('billing', day, 70 + 5 * index, index % 2 === 0),
      scan('search', day, 85),
    ]);
  }
  const cache = new SettledHistoryCache({ now });
  return {
    db,
    scans,
    cache,
    cached: new DatabaseReportStore(db, cache),
    direct: new DatabaseReportStore(db),
    cachedCampaigns: new DatabaseCampaignStore(db, cache),
    directCampaigns: new DatabaseCampaignStore(db),
  };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

function trend(
  store: DatabaseReportStore,
  filter = {},
  visibility: EntityVisibility = ALL,
) {
  return store.getOrgHistory(filter, visibility, '2026-03-01', terms);
}

async function epochOf(db: Knex): Promise<number> {
  const row = await db('history_epoch').where('id', 1).first('epoch');
  return Number(row.epoch);
}

describe.each(databases.eachSupportedId())(
  'Settled history cache on %p',
  databaseId => {
    let seeded: Seeded;

    beforeEach(async () => {
      seeded = await seed(databaseId);
    });

    it('reads settled days once per epoch, and the live days every time', async () => {
      const { db, scans, cached, direct } = seeded;
      const before = await trend(cached);
      expect(before).toEqual(await trend(direct));
      expect(before.map(row => row.day)).toContain('2026-03-01');

      // Only a backfill writes a settled day; the cache does not see it
      // until the epoch moves (which the store's own writes would do).
      await db('score_history')
        .where({ entity_ref: ref('search'), day: '2026-03-01' })
        .update({ score: 10, grade: 'F' });
      expect(await trend(cached)).toEqual(before);
      expect(await trend(direct)).not.toEqual(before);

      // A scan today lands at once.
      await scans.recordSuccesses([scan('orders', '2026-03-05', 40)]);
      const today = (await trend(cached)).filter(
        row => row.day === '2026-03-05',
      );
      expect(today).toEqual(
        (await trend(direct)).filter(row => row.day === '2026-03-05'),
      );
      expect(today.length).toBeGreaterThan(0);
    });

    it('reads settled days again after an owner change, an opt-out, a removal or pruning', async () => {
      const { db, scans, cached, direct } = seeded;
      const agree = async () => {
        const views = {
          team: await trend(cached, TEAM_A),
          org: await trend(cached),
        };
        expect(views).toEqual({
          team: await trend(direct, TEAM_A),
          org: await trend(direct),
        });
        return views;
      };
      const changes: Array<() => Promise<unknown>> = [
        () =>
          scans.upsertEntities(
            [entityMetadata('orders', { owner: 'group:default/team-b' })],
            at('2026-03-05'),
          ),
        () =>
          scans.upsertEntities([entityMetadata('orders')], at('2026-03-05')),
        () => scans.recordDisabled([ref('billing')], at('2026-03-05')),
        () =>
          scans.deleteEntitiesNotListed(
            new Set([ref('orders'), ref('billing')]),
            new Date('2026-03-06T00:00:00Z'),
          ),
        () => scans.pruneOlderThan(at('2026-03-03')),
      ];
      let previous = await agree();
      for (const change of changes) {
        const epoch = await epochOf(db);
        await change();
        expect(await epochOf(db)).toBeGreaterThan(epoch);
        const current = await agree();
        expect(current).not.toEqual(previous);
        previous = current;
      }
    });

    it('keeps the epoch through a sweep’s ordinary writes', async () => {
      const { db, scans } = seeded;
      const epoch = await epochOf(db);
      await scans.upsertEntities(
        [
          entityMetadata('orders'),
          entityMetadata('billing'),
          entityMetadata('search', { owner: 'group:default/team-b' }),
        ],
        at('2026-03-05'),
      );
      await scans.recordSuccesses([scan('orders', '2026-03-05', 60, true)]);
      await scans.recordUnchanged([ref('billing')], at('2026-03-05'));
      await scans.recordFailures([
        {
          entityRef: ref('search'),
          startedAt: at('2026-03-05'),
          durationMs: 10,
          trigger: 'schedule',
          status: 'unreadable',
          error: 'the SCM said 500',
        },
      ]);
      expect(await epochOf(db)).toBe(epoch);
    });

    it('keeps each caller’s visible entities apart', async () => {
      const { cached, direct } = seeded;
      const visibilities: EntityVisibility[] = [
        ALL,
        { all: false, entityRefs: [ref('orders'), ref('billing')] },
        { all: false, entityRefs: [ref('search')] },
      ];
      for (const round of [1, 2]) {
        for (const visibility of visibilities) {
          expect({ round, rows: await trend(cached, {}, visibility) }).toEqual({
            round,
            rows: await trend(direct, {}, visibility),
          });
        }
      }
    });

    it('gives campaign burn-downs the database’s days, settled and live', async () => {
      const { scans, cachedCampaigns, directCampaigns } = seeded;
      const campaigns: CampaignTarget[] = [
        { condition: 'breaking-musl', rules: [], scope: {} },
        {
          condition: 'rules',
          rules: ['glibc-binary-in-alpine'],
          scope: { owner: ['group:default/team-a'] },
        },
      ];
      const burnDown = (
        store: DatabaseCampaignStore,
        campaign: CampaignTarget,
      ) => store.burnDown(campaign, ALL, terms, '2026-03-01', '2026-03-05');
      for (const campaign of campaigns) {
        const first = await burnDown(cachedCampaigns, campaign);
        expect(first).toEqual(await burnDown(directCampaigns, campaign));
        expect(first.some(day => Number(day.affected_count) > 0)).toBe(true);
      }
      await scans.recordSuccesses([scan('billing', '2026-03-05', 50, true)]);
      for (const campaign of campaigns) {
        expect(await burnDown(cachedCampaigns, campaign)).toEqual(
          await burnDown(directCampaigns, campaign),
        );
      }
    });
  },
);
