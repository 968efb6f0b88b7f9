import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { useWriteAheadLog } from './writeAheadLog';

const migrationsDirectory = resolvePackagePath(
  '@alpine-advisor/backstage-plugin-backend',
  'migrations',
);

// The plugin and its modules may ask for the client more than once; the
// migrations must still run exactly once per database.
const connections = new WeakMap<DatabaseService, Promise<Knex>>();

/**
 * The plugin's knex client, migrated unless `database.migrations.skip` is
 * set (a SQLite file in write-ahead-log mode, see useWriteAheadLog).
 */
export function connectDatabase(database: DatabaseService): Promise<Knex> {
  let connection = connections.get(database);
  if (!connection) {
    connection = prepare(database);
    connections.set(database, connection);
  }
  return connection;
}

async function prepare(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  await useWriteAheadLog(client);
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDirectory });
  }
  return client;
}
