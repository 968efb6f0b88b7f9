import { Client } from 'pg';

/*
 * The PostgreSQL housekeeping that the benchmark and load scripts share: they
 * skip PostgreSQL when nothing answers, and drop the databases the backend
 * created under their prefix once measured.
 */

/** Whether a PostgreSQL server answers at `connectionString` within 2 s. */
export async function postgresReachable(
  connectionString: string,
): Promise<boolean> {
  const client = new Client({
    connectionString,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops one database, closing the connections still open to it. */
export async function dropDatabase(connectionString: string, name: string) {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
