import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from './connectDatabase';
import { useWriteAheadLog } from './writeAheadLog';

jest.setTimeout(60_000);

/** SQLite's number for `synchronous = NORMAL` (FULL, its default outside WAL mode, is 2). */
const NORMAL = 1;

async function pragma(db: Knex, name: string): Promise<unknown> {
  const rows = await db.raw(`PRAGMA ${name}`);
  return Object.values(rows[0])[0];
}

describe('useWriteAheadLog', () => {
  let directory: string;
  const opened: Knex[] = [];

  function sqliteFile(pool?: Knex.PoolConfig): Knex {
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(directory, 'alpine-advisor.sqlite') },
      useNullAsDefault: true,
      pool,
    });
    opened.push(db);
    return db;
  }

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'alpine-advisor-wal-'));
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map(db => db.destroy()));
    rmSync(directory, { recursive: true, force: true });
  });

  it('opens the plugin’s SQLite file with a write-ahead log synced at checkpoints, kept across restarts', async () => {
    const db = await connectDatabase(
      mockServices.database({ knex: sqliteFile() }),
    );

    await expect(pragma(db, 'journal_mode')).resolves.toBe('wal');
    await expect(pragma(db, 'synchronous')).resolves.toBe(NORMAL);
    await db('entities').insert({
      entity_ref: 'component:default/orders',
      kind: 'component',
      namespace: 'default',
      name: 'orders',
      seen_at: new Date(0),
    });

    // A later start reads what the last one committed, still in WAL mode.
    await db.destroy();
    const reopened = sqliteFile();
    await expect(pragma(reopened, 'journal_mode')).resolves.toBe('wal');
    await expect(reopened('entities').pluck('entity_ref')).resolves.toEqual([
      'component:default/orders',
    ]);
  });

  it('syncs at checkpoints on every connection, also one the pool opens later', async () => {
    // better-sqlite3's default in WAL mode, which the plugin relies on. A
    // pool that closes idle connections, as a deployment may configure.
    const db = sqliteFile({ min: 0, max: 1, idleTimeoutMillis: 1 });
    await useWriteAheadLog(db);
    const first = await db.client.acquireConnection();
    await db.client.releaseConnection(first);
    while (db.client.pool.numFree() > 0) {
      await new Promise(resolve => setTimeout(resolve, 5));
    }

    const second = await db.client.acquireConnection();
    await db.client.releaseConnection(second);
    expect(second).not.toBe(first);
    await expect(pragma(db, 'synchronous')).resolves.toBe(NORMAL);
  });
});

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

for (const [databaseId] of databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('SQLITE'))) {
  it(`keeps the memory journal of an in-memory database (${databaseId})`, async () => {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase(mockServices.database({ knex }));

    await expect(pragma(db, 'journal_mode')).resolves.toBe('memory');
    await expect(db.schema.hasTable('entities')).resolves.toBe(true);
  });
}

for (const [databaseId] of databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'))) {
  it(`sends PostgreSQL nothing (${databaseId})`, async () => {
    const knex = await databases.init(databaseId);
    const sent: string[] = [];
    knex.on('query', query => sent.push(query.sql));

    await useWriteAheadLog(knex);

    expect(sent).toEqual([]);
  });
}
