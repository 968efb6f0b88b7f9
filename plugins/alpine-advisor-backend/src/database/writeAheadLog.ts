import type { Knex } from 'knex';

/**
 * Puts a file-backed SQLite database in write-ahead-log mode.
 *
 * SQLite's default rollback journal syncs the disk twice per commit, and
 * better-sqlite3 runs each commit on the event loop: every write stalled
 * all scans and requests in flight (the operations guide has the sweeps
 * measured with and without the log). With the log, a commit appends to
 * it, readers do not wait for a writer, and the disk is synced at
 * checkpoints: better-sqlite3 is built with `synchronous = NORMAL` as the
 * default of connections in this mode. A power cut may then lose the last
 * commits (results the next sweep writes again), never the database's
 * consistency.
 *
 * The mode is kept in the file, so every later connection opens in it.
 * In-memory databases keep their memory journal (SQLite answers `memory`);
 * PostgreSQL and other clients are left as they are.
 */
export async function useWriteAheadLog(db: Knex): Promise<void> {
  if (String(db.client.config.client) !== 'better-sqlite3') {
    return;
  }
  await db.raw('PRAGMA journal_mode = WAL');
}
