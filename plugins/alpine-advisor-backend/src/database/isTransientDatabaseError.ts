/** Node socket errors of a database that went away or is restarting. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // SQLite: another process holds the lock for now.
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/**
 * PostgreSQL SQLSTATEs worth a retry: connection exceptions (class 08),
 * the server shutting down or starting (57P01–57P03), serialization
 * failures and deadlocks (40001, 40P01), and too many connections (53300).
 */
const RETRYABLE_SQLSTATE = /^(08...|57P0[123]|40001|40P01|53300)$/;

const CONNECTION_MESSAGES =
  /Connection terminated|Client has encountered a connection error|Knex: Timeout acquiring a connection|terminating connection due to administrator command|the database system is (starting up|shutting down)/i;

/**
 * Whether a store error is the database being unreachable or busy for a
 * while (worth trying again), rather than a statement it will always refuse.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!error || typeof error !== 'object') {
    return false;
  }
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (CONNECTION_CODES.has(code) || RETRYABLE_SQLSTATE.test(code)) {
      return true;
    }
  }
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
}
