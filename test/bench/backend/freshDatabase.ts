import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { Client } from 'pg';
import { useWriteAheadLog } from '../../../plugins/alpine-advisor-backend/src/database/writeAheadLog';

export const POSTGRES =
  process.env.BENCH_POSTGRES ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

const MIGRATIONS = resolve(
  __dirname,
  '../../../plugins/alpine-advisor-backend/migrations',
);

/** An empty, migrated plugin database for a store benchmark; `drop` removes it. */
export async function freshDatabase(
  name: 'sqlite' | 'postgres',
  label: string,
): Promise<{ db: Knex; drop: () => Promise<void> }> {
  const fresh =
    name === 'postgres' ? await freshPostgres(label) : freshSqlite(label);
  // As the plugin opens its database (see connectDatabase).
  await useWriteAheadLog(fresh.db);
  await fresh.db.migrate.latest({ directory: MIGRATIONS });
  return fresh;
}

async function freshPostgres(label: string) {
  const name = `aa_bench_${label}_${process.pid}`;
  const admin = new Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  const db = knexFactory({ client: 'pg', connection: url.toString() });
  return {
    db,
    drop: async () => {
      await db.destroy();
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}

function freshSqlite(label: string) {
  const dir = mkdtempSync(join(tmpdir(), `aa-bench-${label}-`));
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  return {
    db,
    drop: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
