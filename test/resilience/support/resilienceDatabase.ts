import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const POSTGRES =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

export interface ResilienceDatabase {
  /** `backend.database` for the replicas: one fresh prefix per run. */
  backendConfig: { client: 'pg'; connection: string; prefix: string };
  /** A query on the plugin's database. */
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Drops every database of this run. */
  drop(): Promise<void>;
}

async function withClient<T>(
  database: string | undefined,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  // pg lets the connection string win over a `database` option.
  const url = new URL(POSTGRES);
  if (database) {
    url.pathname = `/${encodeURIComponent(database)}`;
  }
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh set of databases on the shared PostgreSQL (`alpine_resilience_<random>_…`,
 * the plugin's is `…alpine-advisor`), dropped afterwards.
 */
export function createResilienceDatabase(): ResilienceDatabase {
  const prefix = `alpine_resilience_${randomBytes(4).toString('hex')}_`;
  const pluginDatabase = `${prefix}alpine-advisor`;
  return {
    backendConfig: { client: 'pg', connection: POSTGRES, prefix },
    query: (sql, params) =>
      withClient(pluginDatabase, async client => {
        const result = await client.query(sql, params as any[]);
        return result.rows;
      }),
    drop: () =>
      withClient(undefined, async client => {
        const { rows } = await client.query(
          'SELECT datname FROM pg_database WHERE datname LIKE $1',
          [`${prefix}%`],
        );
        for (const { datname } of rows) {
          await client.query(
            `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`,
          );
        }
      }),
  };
}
