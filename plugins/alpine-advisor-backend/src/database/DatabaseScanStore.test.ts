import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { connectDatabase } from './connectDatabase';
import { DatabaseScanStore } from './DatabaseScanStore';
import {
  entityMetadata,
  fileReport,
  finding,
  scanSuccess,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex, migrations: { skip: false } });
  const db = await connectDatabase(database);
  return { db, store: new DatabaseScanStore(db) };
}

async function countRows(db: Knex, table: string): Promise<number> {
  const [{ n }] = await db(table).count({ n: '*' });
  return Number(n);
}

const ORDERS = 'component:default/orders';
const T0 = new Date('2026-03-01T10:00:00Z');

describe.each(databases.eachSupportedId())(
  'DatabaseScanStore on %p',
  databaseId => {
    let db: Knex;
    let store: DatabaseScanStore;

    beforeEach(async () => {
      ({ db, store } = await createStore(databaseId));
    });

    it('upserts catalog facts and refreshes them on the next sweep', async () => {
      await store.upsertEntities(
        [entityMetadata('orders', { title: undefined })],
        T0,
      );
      await store.upsertEntities(
        [entityMetadata('orders', { owner: 'group:default/team-b' })],
        new Date(T0.getTime() + 1000),
      );
      // Unchanged facts (nulls included) leave the row as it was.
      await store.upsertEntities(
        [entityMetadata('orders', { owner: 'group:default/team-b' })],
        new Date(T0.getTime() + 2000),
      );
      const stored = await db('entities').first('title', 'seen_at');
      expect(stored.title).toBe('ORDERS');
      expect(new Date(stored.seen_at).getTime()).toBe(T0.getTime());

      const rows = await db('entities').select('entity_ref', 'owner', 'status');
      expect(rows).toEqual([
        {
          entity_ref: ORDERS,
          owner: 'group:default/team-b',
          status: 'pending',
        },
      ]);
      const states = await store.getScanStates([
        ORDERS,
        'component:default/none',
      ]);
      expect([...states.values()]).toEqual([
        {
          entityRef: ORDERS,
          status: 'pending',
          hasResult: false,
          marked: true,
        },
      ]);
    });

    it('returns the scan states of the entities it knew, read with their facts', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await store.recordSuccesses([scanSuccess(ORDERS, [fileReport()])]);
      const returned = await store.upsertEntities(
        [entityMetadata('orders', { title: 'Renamed' }), entityMetadata('new')],
        new Date(T0.getTime() + 1000),
      );
      expect([...returned.keys()]).toEqual([ORDERS]);
      expect(returned).toEqual(await store.getScanStates([ORDERS]));
      expect(returned.get(ORDERS)).toMatchObject({
        status: 'ok',
        revision: 'sha-1',
        analysisFingerprint: 'fp-1',
        hasResult: true,
        lastScannedAt: T0,
        marked: false,
      });
    });

    it('writes only the new and changed entities of a page, and nothing for an unchanged one', async () => {
      await store.upsertEntities(
        [
          entityMetadata('same'),
          entityMetadata('gains-title', { title: undefined }),
          entityMetadata('loses-owner'),
        ],
        T0,
      );
      const page = [
        entityMetadata('same'),
        entityMetadata('gains-title', { title: 'Gains title' }),
        entityMetadata('loses-owner', { owner: undefined }),
        entityMetadata('new'),
      ];
      await store.upsertEntities(page, new Date(T0.getTime() + 1000));
      const rows = await db('entities')
        .orderBy('entity_ref')
        .select('name', 'title', 'owner', 'seen_at');
      expect(
        rows.map(row => [
          row.name,
          row.title,
          row.owner,
          new Date(row.seen_at).getTime() - T0.getTime(),
        ]),
      ).toEqual([
        ['gains-title', 'Gains title', 'group:default/team-a', 0],
        ['loses-owner', 'LOSES-OWNER', null, 0],
        ['new', 'NEW', 'group:default/team-a', 1000],
        ['same', 'SAME', 'group:default/team-a', 0],
      ]);

      const statements: string[] = [];
      const record = (query: { sql: string }) => statements.push(query.sql);
      db.on('query', record);
      try {
        await store.upsertEntities(page, new Date(T0.getTime() + 2000));
      } finally {
        db.off('query', record);
      }
      expect(statements.filter(sql => /^\s*insert/i.test(sql))).toEqual([]);
    });

    it('replaces results on success and keeps one score per day', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      const first = fileReport({
        score: 70,
        grade: 'C',
        findings: [
          finding(),
          finding({ line: 5 }),
          finding({
            ruleId: 'glibc-binary',
            category: 'musl',
            severity: 'error',
          }),
        ],
      });
      await store.recordSuccesses([scanSuccess(ORDERS, [first])]);
      await store.recordSuccesses([
        scanSuccess(
          ORDERS,
          [fileReport({ score: 95, grade: 'A', findings: [finding()] })],
          {
            startedAt: new Date(T0.getTime() + 60_000),
            revision: 'sha-2',
          },
        ),
      ]);

      expect(await countRows(db, 'findings')).toBe(1);
      expect(
        await db('rule_counts').select('rule_id', 'finding_count'),
      ).toEqual([{ rule_id: 'apk-no-cache', finding_count: 1 }]);
      const entity = await db('entities').where('entity_ref', ORDERS).first();
      expect(entity).toMatchObject({
        status: 'ok',
        score: 95,
        grade: 'A',
        revision: 'sha-2',
        warning_count: 1,
        musl_error_count: 0,
        dockerfile_count: 1,
      });
      expect(await db('score_history').select('day', 'score')).toEqual([
        { day: '2026-03-01', score: 95 },
      ]);
      expect((await store.getScanStates([ORDERS])).get(ORDERS)).toMatchObject({
        revision: 'sha-2',
        analysisFingerprint: 'fp-1',
        hasResult: true,
      });
    });

    it('writes a batch of scans at once, skipping entities no longer stored', async () => {
      await store.upsertEntities(
        [entityMetadata('orders'), entityMetadata('billing')],
        T0,
      );
      await store.recordSuccesses([
        scanSuccess(ORDERS, [
          fileReport({ findings: [finding()] }),
          fileReport({
            path: 'apps/api/Dockerfile',
            findings: [finding(), finding({ line: 8 })],
          }),
        ]),
        scanSuccess('component:default/billing', [
          fileReport({ score: 70, grade: 'C' }),
        ]),
        scanSuccess('component:default/removed-meanwhile', [
          fileReport({ findings: [finding()] }),
        ]),
      ]);

      const entities = await db('entities')
        .orderBy('entity_ref')
        .select('entity_ref', 'score', 'dockerfile_count', 'warning_count');
      expect(entities).toEqual([
        {
          entity_ref: 'component:default/billing',
          score: 70,
          dockerfile_count: 1,
          warning_count: 0,
        },
        {
          entity_ref: ORDERS,
          score: 90,
          dockerfile_count: 2,
          warning_count: 3,
        },
      ]);
      const findingsPerFile = await db('findings as f')
        .join('dockerfiles as d', 'd.id', 'f.dockerfile_id')
        .groupBy('d.path')
        .select('d.path', db.raw('count(*) as n'));
      expect(
        findingsPerFile
          .map(row => [row.path, Number(row.n)])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      ).toEqual([
        ['apps/api/Dockerfile', 2],
        ['Dockerfile', 1],
      ]);
      expect(await db('scans').pluck('entity_ref')).not.toContain(
        'component:default/removed-meanwhile',
      );
    });

    it('records a batch with more rule-days than SQLite has compound terms', async () => {
      // 50 services (the scanner's write batch) × 12 rules: 600 rows of
      // rule history, over SQLite's 500 terms per compound SELECT.
      const names = Array.from({ length: 50 }, (_, index) => `svc-${index}`);
      await store.upsertEntities(
        names.map(name => entityMetadata(name)),
        T0,
      );
      const rules = Array.from({ length: 12 }, (_, index) => `rule-${index}`);
      await store.recordSuccesses(
        names.map(name =>
          scanSuccess(`component:default/${name}`, [
            fileReport({ findings: rules.map(ruleId => finding({ ruleId })) }),
          ]),
        ),
      );
      expect(await countRows(db, 'rule_history')).toBe(600);
      expect(await countRows(db, 'score_history')).toBe(50);
    });

    it('keeps the later of two scans of one entity in a batch', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await store.recordSuccesses([
        scanSuccess(ORDERS, [fileReport({ score: 50, grade: 'D' })], {
          startedAt: new Date(T0.getTime() + 1000),
        }),
        scanSuccess(ORDERS, [fileReport({ score: 40, grade: 'F' })]),
      ]);
      expect(await db('entities').pluck('score')).toEqual([50]);
    });

    it('counts musl errors apart from other errors', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await store.recordSuccesses([
        scanSuccess(ORDERS, [
          fileReport({
            findings: [
              finding({
                ruleId: 'glibc-binary',
                category: 'musl',
                severity: 'error',
              }),
              finding({
                ruleId: 'parse-error',
                category: 'hygiene',
                severity: 'error',
              }),
            ],
          }),
        ]),
      ]);
      const entity = await db('entities').where('entity_ref', ORDERS).first();
      expect(entity).toMatchObject({ error_count: 2, musl_error_count: 1 });
    });

    it('marks a kept result stale on failure, and fresh again when unchanged', async () => {
      await store.upsertEntities(
        [entityMetadata('orders'), entityMetadata('new')],
        T0,
      );
      await store.recordSuccesses([scanSuccess(ORDERS, [fileReport()])]);

      const later = new Date(T0.getTime() + 3_600_000);
      for (const entityRef of [ORDERS, 'component:default/new']) {
        await store.recordFailures([
          {
            entityRef,
            startedAt: later,
            durationMs: 5,
            trigger: 'schedule',
            status: 'unreadable',
            error: 'Request failed, 500 Internal Server Error',
          },
        ]);
      }

      const failed = await db('entities')
        .orderBy('entity_ref')
        .select('entity_ref', 'status', 'stale', 'score');
      expect(
        failed.map(row => ({ ...row, stale: Boolean(row.stale) })),
      ).toEqual([
        {
          entity_ref: 'component:default/new',
          status: 'unreadable',
          stale: false,
          score: null,
        },
        { entity_ref: ORDERS, status: 'unreadable', stale: true, score: 90 },
      ]);
      expect(await countRows(db, 'findings')).toBe(0);
      expect(await countRows(db, 'dockerfiles')).toBe(1);

      await store.recordUnchanged([ORDERS], new Date(later.getTime() + 1000));
      const fresh = await db('entities').where('entity_ref', ORDERS).first();
      expect({
        status: fresh.status,
        stale: Boolean(fresh.stale),
        error: fresh.error,
      }).toEqual({
        status: 'ok',
        stale: false,
        error: null,
      });
    });

    it('carries an unchanged score and its rules to a new day once', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await store.recordSuccesses([
        scanSuccess(ORDERS, [fileReport({ findings: [finding()] })]),
      ]);
      const nextDay = (hour: number) =>
        new Date(`2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`);
      const dayOf = async (day: string) => ({
        scores: (
          await db('score_history')
            .where({ entity_ref: ORDERS, day })
            .select('score', 'grade', 'rules_recorded')
        ).map(row => ({ ...row, rules_recorded: Boolean(row.rules_recorded) })),
        rules: await db('rule_history')
          .where({ entity_ref: ORDERS, day })
          .pluck('rule_id'),
      });
      const carried = {
        scores: [{ score: 90, grade: 'A', rules_recorded: true }],
        rules: ['apk-no-cache'],
      };

      await store.recordUnchanged([ORDERS], nextDay(1));
      expect(await dayOf('2026-03-02')).toEqual(carried);
      // Later sweeps that day find it recorded and leave it.
      await store.recordUnchanged([ORDERS], nextDay(2));
      expect(await dayOf('2026-03-02')).toEqual(carried);

      // A day recorded before rule history was kept gets its rules.
      await db('score_history')
        .where({ entity_ref: ORDERS, day: '2026-03-02' })
        .update({ rules_recorded: false });
      await db('rule_history')
        .where({ entity_ref: ORDERS, day: '2026-03-02' })
        .delete();
      await store.recordUnchanged([ORDERS], nextDay(3));
      expect(await dayOf('2026-03-02')).toEqual(carried);
    });

    it('given the states read before, writes of an unchanged page only what they show is needed', async () => {
      const refs = ['orders', 'billing', 'flaky'].map(
        name => `component:default/${name}`,
      );
      const [, , FLAKY] = refs;
      await store.upsertEntities(
        ['orders', 'billing', 'flaky'].map(name => entityMetadata(name)),
        T0,
      );
      await store.recordSuccesses(
        refs.map(ref =>
          scanSuccess(ref, [fileReport({ findings: [finding()] })]),
        ),
      );
      await store.recordFailures([
        {
          entityRef: FLAKY,
          startedAt: new Date(T0.getTime() + 60_000),
          durationMs: 5,
          trigger: 'schedule',
          status: 'unreadable',
          error: 'Request failed, 500 Internal Server Error',
        },
      ]);
      await db('score_history').where('entity_ref', FLAKY).delete();
      await db('rule_history').where('entity_ref', FLAKY).delete();

      const writesOf = async (scannedAt: Date) => {
        const statements: string[] = [];
        const record = (query: { sql: string }) => statements.push(query.sql);
        db.on('query', record);
        try {
          await store.recordUnchanged(
            refs,
            scannedAt,
            await store.getScanStates(refs),
          );
        } finally {
          db.off('query', record);
        }
        // The writes, and the transaction around them when there is one.
        return statements
          .filter(sql => /^\s*(insert|update|delete|begin|commit)/i.test(sql))
          .map(sql =>
            sql
              .replace(/[`"]/g, '')
              .trim()
              .split(/\s+/, 3)
              .join(' ')
              .toLowerCase(),
          );
      };
      const recorded = async (day: string) => ({
        scores: await db('score_history')
          .where('day', day)
          .orderBy('entity_ref')
          .pluck('entity_ref'),
        rules: await db('rule_history')
          .where('day', day)
          .orderBy('entity_ref')
          .pluck('entity_ref'),
      });
      const sorted = [...refs].sort();

      // The failed one is repaired, and its day (lost here) recorded again.
      expect(await writesOf(new Date(T0.getTime() + 3_600_000))).toEqual([
        'begin;',
        'update entities set',
        'update entities set',
        'insert into score_history',
        'insert into rule_history',
        'commit;',
      ]);
      const flaky = await db('entities').where('entity_ref', FLAKY).first();
      expect([flaky.status, Boolean(flaky.stale), flaky.error]).toEqual([
        'ok',
        false,
        null,
      ]);
      expect(await recorded('2026-03-01')).toEqual({
        scores: sorted,
        rules: sorted,
      });

      // Again the same day: every day recorded, nothing to repair. One
      // statement is atomic by itself: no transaction around it.
      expect(await writesOf(new Date(T0.getTime() + 7_200_000))).toEqual([
        'update entities set',
      ]);
      const scannedAt = await db('entities').pluck('last_scanned_at');
      expect(scannedAt.map(at => new Date(at).getTime())).toEqual(
        refs.map(() => T0.getTime() + 7_200_000),
      );

      // The next day, every score is carried.
      expect(await writesOf(new Date('2026-03-02T01:00:00Z'))).toEqual([
        'begin;',
        'update entities set',
        'insert into score_history',
        'insert into rule_history',
        'commit;',
      ]);
      expect(await recorded('2026-03-02')).toEqual({
        scores: sorted,
        rules: sorted,
      });
    });

    it('keeps the scan time out of every index, and room in PostgreSQL pages to stamp it in place', async () => {
      const postgres = databaseId.startsWith('POSTGRES');
      const indexed: string[] = postgres
        ? (
            await db.raw(
              `select a.attname from pg_index i
               join pg_class t on t.oid = i.indrelid
               join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey)
               where t.relname = 'entities' and t.relnamespace = to_regnamespace(current_schema())`,
            )
          ).rows.map((row: { attname: string }) => row.attname)
        : (
            await Promise.all(
              (
                await db.raw(`pragma index_list('entities')`)
              ).map(async (index: { name: string }) =>
                (
                  await db.raw(`pragma index_info('${index.name}')`)
                ).map((column: { name: string }) => column.name),
              ),
            )
          ).flat();
      expect(indexed).toContain('entity_ref');
      expect(indexed).not.toContain('last_scanned_at');
      // SQLite has no setting for room left in a page.
      const tableOptions = postgres
        ? (
            await db.raw(
              `select reloptions from pg_class
               where relname = 'entities' and relnamespace = to_regnamespace(current_schema())`,
            )
          ).rows[0].reloptions
        : [];
      expect(tableOptions).toEqual(postgres ? ['fillfactor=50'] : []);
    });

    it('keeps the retry time of a rate-limited entity', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      const retryAt = new Date(T0.getTime() + 120_000);
      await store.recordFailures([
        {
          entityRef: ORDERS,
          startedAt: T0,
          durationMs: 5,
          trigger: 'schedule',
          status: 'rate-limited',
          error: '429 Too Many Requests',
          nextAttemptAt: retryAt,
        },
      ]);
      const state = (await store.getScanStates([ORDERS])).get(ORDERS);
      expect(state?.nextAttemptAt?.toISOString()).toBe(retryAt.toISOString());
    });

    it('clears results of opted-out entities', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await store.recordSuccesses([
        scanSuccess(ORDERS, [fileReport({ findings: [finding()] })]),
      ]);
      await store.recordDisabled([ORDERS], T0);

      const entity = await db('entities').where('entity_ref', ORDERS).first();
      expect(entity).toMatchObject({
        status: 'disabled',
        score: null,
        last_scan_id: null,
      });
      expect(await countRows(db, 'findings')).toBe(0);
      expect(await countRows(db, 'rule_counts')).toBe(0);
    });

    it('records a source refused by policy as its own state: no results, not stale', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await store.recordSuccesses([
        scanSuccess(ORDERS, [fileReport({ findings: [finding()] })]),
      ]);
      await store.recordRefusals([
        {
          entityRef: ORDERS,
          sourceLocation: 'url:file:///srv/orders/',
          startedAt: T0,
          durationMs: 1,
          trigger: 'schedule',
          reason: 'Local source /srv/orders refused: not allowed',
        },
      ]);

      const entity = await db('entities').where('entity_ref', ORDERS).first();
      expect(entity).toMatchObject({
        status: 'refused',
        error: 'Local source /srv/orders refused: not allowed',
        score: null,
        last_scan_id: null,
        source_location: 'url:file:///srv/orders/',
      });
      expect(Boolean(entity.stale)).toBe(false);
      expect(await countRows(db, 'findings')).toBe(0);
      expect(await countRows(db, 'rule_counts')).toBe(0);
      const attempts = await db('scans')
        .where('entity_ref', ORDERS)
        .orderBy('id')
        .select('status', 'error');
      expect(attempts.at(-1)).toEqual({
        status: 'refused',
        error: 'Local source /srv/orders refused: not allowed',
      });
    });

    it('deletes entities that left the catalog with all their data', async () => {
      await store.upsertEntities(
        [entityMetadata('orders'), entityMetadata('stays')],
        T0,
      );
      await store.recordSuccesses([
        scanSuccess(ORDERS, [fileReport({ findings: [finding()] })]),
      ]);
      await db('image_reports').insert({
        entity_ref: ORDERS,
        dockerfile_path: 'Dockerfile',
        report: '{}',
        received_at: T0,
      });
      const nextSweep = new Date(T0.getTime() + 3_600_000);
      await store.upsertEntities([entityMetadata('stays')], nextSweep);
      // A rescan stored this one after the listing started: it stays.
      await store.upsertEntities(
        [entityMetadata('rescanned')],
        new Date(nextSweep.getTime() + 60_000),
      );

      await expect(
        store.deleteEntitiesNotListed(
          new Set(['component:default/stays']),
          nextSweep,
        ),
      ).resolves.toBe(1);

      expect(
        (await db('entities').orderBy('entity_ref').select('entity_ref')).map(
          row => row.entity_ref,
        ),
      ).toEqual(['component:default/rescanned', 'component:default/stays']);
      for (const table of [
        'entities',
        'scans',
        'dockerfiles',
        'findings',
        'rule_counts',
        'score_history',
        'image_reports',
      ]) {
        const refs = await db(table).distinct('entity_ref');
        expect(refs.map(row => row.entity_ref)).not.toContain(ORDERS);
      }
    });

    it('prunes old scans and history but keeps the scan behind current results', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await store.recordSuccesses([
        scanSuccess(ORDERS, [fileReport()], {
          startedAt: new Date('2025-01-01T00:00:00Z'),
        }),
      ]);
      await store.recordFailures([
        {
          entityRef: ORDERS,
          startedAt: new Date('2025-01-02T00:00:00Z'),
          durationMs: 1,
          trigger: 'schedule',
          status: 'timeout',
          error: 'timed out',
        },
      ]);
      await store.recordSuccesses([
        scanSuccess(ORDERS, [fileReport()], {
          startedAt: new Date('2025-06-01T00:00:00Z'),
        }),
      ]);
      await store.recordFailures([
        {
          entityRef: ORDERS,
          startedAt: new Date('2025-07-01T00:00:00Z'),
          durationMs: 1,
          trigger: 'schedule',
          status: 'timeout',
          error: 'timed out',
        },
      ]);

      const result = await store.pruneOlderThan(
        new Date('2025-12-01T00:00:00Z'),
      );

      expect(result).toEqual({ scans: 3, historyDays: 2 });
      const remaining = await db('scans').select('status');
      expect(remaining).toEqual([{ status: 'ok' }]);
    });

    it('refreshes planner statistics without error', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await expect(store.refreshStatistics()).resolves.toBeUndefined();
    });

    it('lets one rescan through per interval', async () => {
      await store.upsertEntities([entityMetadata('orders')], T0);
      await expect(store.claimRescan(ORDERS, T0, 60_000)).resolves.toEqual({
        claimed: true,
      });
      await expect(
        store.claimRescan(ORDERS, new Date(T0.getTime() + 15_000), 60_000),
      ).resolves.toEqual({ claimed: false, retryAfterMs: 45_000 });
      await expect(
        store.claimRescan(ORDERS, new Date(T0.getTime() + 60_000), 60_000),
      ).resolves.toEqual({ claimed: true });
    });

    it('runs its migrations once per database service and honours skip', async () => {
      const knex = await databases.init(databaseId);
      const skipping = mockServices.database({
        knex,
        migrations: { skip: true },
      });
      const client = await connectDatabase(skipping);
      await expect(client.schema.hasTable('entities')).resolves.toBe(false);

      const migrating = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      const [a, b] = await Promise.all([
        connectDatabase(migrating),
        connectDatabase(migrating),
      ]);
      expect(a).toBe(b);
      await expect(a.schema.hasTable('entities')).resolves.toBe(true);
    });
  },
);

// Whether an update touched an index is PostgreSQL's own bookkeeping.
for (const [databaseId] of databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'))) {
  describe(`DatabaseScanStore's unchanged sweeps on ${databaseId}`, () => {
    it('stamp entities in place (HOT updates, no index touched), sweep after sweep', async () => {
      const { db, store } = await createStore(databaseId);
      const names = Array.from({ length: 300 }, (_, index) => `svc-${index}`);
      const refs = names.map(name => `component:default/${name}`);
      await store.upsertEntities(
        names.map(name => entityMetadata(name)),
        T0,
      );
      await store.recordSuccesses(
        refs.map(ref => scanSuccess(ref, [fileReport()])),
      );
      const unchangedSweep = async (
        sweepStore: DatabaseScanStore,
        hour: number,
      ) => {
        const at = new Date(T0.getTime() + hour * 3_600_000);
        const states = await sweepStore.upsertEntities(
          names.map(name => entityMetadata(name)),
          at,
        );
        await sweepStore.recordUnchanged(refs, at, states);
      };
      await unchangedSweep(store, 1);
      await unchangedSweep(store, 2);

      // This connection's counts not yet flushed to the statistics,
      // read before and after the third sweep on it.
      const updates = await db.transaction(async trx => {
        const counts = async () => {
          const { rows } = await trx.raw(
            `select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables
             where relname = 'entities' and schemaname = current_schema()`,
          );
          return [Number(rows[0].n_tup_upd), Number(rows[0].n_tup_hot_upd)];
        };
        const [allBefore, inPlaceBefore] = await counts();
        await unchangedSweep(new DatabaseScanStore(trx), 3);
        const [all, inPlace] = await counts();
        return { all: all - allBefore, inPlace: inPlace - inPlaceBefore };
      });
      // PostgreSQL makes room on a page by pruning it as it reads it, and
      // only when no other process holds the page at that instant (the
      // checkpointer writing it, say) and no snapshot anywhere in the
      // cluster can still see the old versions; otherwise that page's rows
      // move to another page that once. Under a loaded test run that
      // happened to one page in CI (296 of 300). Writing an indexed column
      // would move every row, so a few are allowed and most are not.
      expect(updates.all).toBe(300);
      expect(updates.inPlace).toBeGreaterThanOrEqual(285);
    });
  });
}
