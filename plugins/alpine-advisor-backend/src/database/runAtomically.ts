import type { Knex } from 'knex';

/** One SQL statement, run on the database or in a transaction. */
export type Statement = (db: Knex) => PromiseLike<unknown>;

/**
 * Runs the statements as one unit: in a transaction, unless there is only
 * one, which is atomic by itself. An unchanged page of a re-sweep usually
 * writes one statement (its scan times); a transaction around it would add
 * two round trips to the database for nothing.
 */
export async function runAtomically(
  db: Knex,
  statements: readonly Statement[],
): Promise<void> {
  if (statements.length === 0) {
    return;
  }
  if (statements.length === 1) {
    await statements[0](db);
    return;
  }
  await db.transaction(async trx => {
    for (const statement of statements) {
      await statement(trx);
    }
  });
}
