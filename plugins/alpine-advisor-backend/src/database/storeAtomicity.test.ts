import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  entityMetadata,
  fileReport,
  finding,
  scanSuccess,
} from '../__testUtils__/fixtures';
import { connectDatabase } from './connectDatabase';
import { DatabaseScanStore } from './DatabaseScanStore';

jest.setTimeout(60_000);

/*
 * A write interrupted half-way (a trigger makes the database refuse one
 * statement late in the transaction, after the old results were deleted and
 * new rows inserted) must leave nothing behind: readers see the old results,
 * whole.
 */

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const TABLES = [
  'entities',
  'scans',
  'dockerfiles',
  'findings',
  'rule_counts',
  'score_history',
];
const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-02T10:00:00Z');

/** Makes the database refuse `operation` on `table` for one entity's rows. */
async function refuseWrites(
  db: Knex,
  operation: 'INSERT' | 'UPDATE',
  table: string,
  entityRef: string,
) {
  if (db.client.config.client.includes('pg')) {
    await db.raw(`
      CREATE OR REPLACE FUNCTION refuse_write() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'write refused by the test'; END $$ LANGUAGE plpgsql`);
    await db.raw(
      `CREATE TRIGGER refuse_write BEFORE ${operation} ON ${table}
       FOR EACH ROW WHEN (NEW.entity_ref = '${entityRef}')
       EXECUTE FUNCTION refuse_write()`,
    );
  } else {
    await db.raw(
      `CREATE TRIGGER refuse_write BEFORE ${operation} ON ${table}
       WHEN NEW.entity_ref = '${entityRef}'
       BEGIN SELECT RAISE(ABORT, 'write refused by the test'); END`,
    );
  }
}

/*
 * Matched by message, not with toThrow: better-sqlite3 hands its native
 * binding one SqliteError class per process, so when Jest runs this file in a
 * worker that already ran another SQLite suite, the error comes from an
 * earlier module realm and fails Jest's `instanceof Error` check.
 */
const refusedByTheTest = {
  message: expect.stringMatching(/write refused by the test/),
};

async function snapshot(db: Knex) {
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    rows[table] = await db(table).select().orderByRaw('1, 2');
  }
  return rows;
}

describe.each(databases.eachSupportedId())(
  'store writes interrupted mid-way on %p',
  (databaseId: TestDatabaseId) => {
    let db: Knex;
    let store: DatabaseScanStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      db = await connectDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      store = new DatabaseScanStore(db);
      await store.upsertEntities(
        [entityMetadata('orders'), entityMetadata('billing')],
        T0,
      );
      await store.recordSuccesses(
        ['orders', 'billing'].map(name =>
          scanSuccess(
            `component:default/${name}`,
            [fileReport({ findings: [finding()] })],
            { startedAt: T0 },
          ),
        ),
      );
    });

    it('leaves every entity of a failed batch with its previous result', async () => {
      const before = await snapshot(db);
      // The daily score is the last thing written.
      await refuseWrites(
        db,
        'INSERT',
        'score_history',
        'component:default/billing',
      );

      await expect(
        store.recordSuccesses([
          scanSuccess(
            'component:default/orders',
            [fileReport({ score: 40, grade: 'D', findings: [finding()] })],
            { startedAt: T1, revision: 'sha-2' },
          ),
          scanSuccess(
            'component:default/billing',
            [fileReport({ score: 40, grade: 'D', findings: [finding()] })],
            { startedAt: T1, revision: 'sha-2' },
          ),
        ]),
      ).rejects.toMatchObject(refusedByTheTest);

      expect(await snapshot(db)).toEqual(before);
    });

    it('leaves failure states unwritten when their batch fails', async () => {
      const before = await snapshot(db);
      // Entities are updated one by one, after the scan rows went in.
      await refuseWrites(db, 'UPDATE', 'entities', 'component:default/billing');

      await expect(
        store.recordFailures([
          {
            entityRef: 'component:default/orders',
            startedAt: T1,
            durationMs: 5,
            trigger: 'schedule',
            status: 'unreadable',
            error: 'could not read, 500 Internal Server Error',
          },
          {
            entityRef: 'component:default/billing',
            startedAt: T1,
            durationMs: 5,
            trigger: 'schedule',
            status: 'rate-limited',
            error: 'could not read, 429 Too Many Requests',
            nextAttemptAt: T1,
          },
        ]),
      ).rejects.toMatchObject(refusedByTheTest);

      expect(await snapshot(db)).toEqual(before);
    });

    it('leaves the scan times of an unchanged page unstamped when carrying its scores fails', async () => {
      const before = await snapshot(db);
      // Stamps first, then the scores carried to the new day.
      await refuseWrites(
        db,
        'INSERT',
        'score_history',
        'component:default/billing',
      );
      const refs = ['component:default/orders', 'component:default/billing'];

      await expect(
        store.recordUnchanged(refs, T1, await store.getScanStates(refs)),
      ).rejects.toMatchObject(refusedByTheTest);

      expect(await snapshot(db)).toEqual(before);
    });
  },
);
