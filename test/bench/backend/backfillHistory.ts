/*
 * Daily history at depth for bench:backend. A run's sweeps record one day,
 * but the scope views' trends and the campaigns' burn-downs read up to their
 * whole window: timed over one day they would measure nothing of it. This
 * copies the day the sweeps recorded to the days before (scores, musl
 * counts, the rules with findings), straight in the plugin's database, and
 * adds end-of-life Alpine to a share of services that grows with age, so
 * that the org-wide end-of-life campaign burns down as a real one would.
 */
import type { Knex } from 'knex';

const INSERT_BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One in this many services moved off end-of-life Alpine each day before today. */
const EOL_FIXED_PER_DAY = 150;

function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** `svc-123` → 123: which services had end-of-life Alpine on a past day. */
function serviceIndex(entityRef: string): number {
  return Number(/svc-(\d+)$/.exec(entityRef)?.[1] ?? 0);
}

/**
 * Gives every service `days` days of history in all, ending on the day the
 * sweeps recorded; refreshes the planner statistics afterwards, as the
 * plugin does after a sweep. Returns the rows the history then holds.
 */
export async function backfillHistory(
  db: Knex,
  days: number,
): Promise<{ scoreRows: number; ruleRows: number }> {
  const latest = await db('score_history').max({ day: 'day' }).first();
  const today = latest?.day as string | undefined;
  if (!today) return { scoreRows: 0, ruleRows: 0 };
  const refs: string[] = (
    await db('score_history').where('day', today).select('entity_ref')
  ).map(row => row.entity_ref);
  for (let age = 1; age < days; age++) {
    const day = dayBefore(today, age);
    // Copied inside the database: no row travels through the bench. A run
    // across midnight recorded the day before too: that one stays.
    await db.raw(
      `insert into score_history (entity_ref, day, score, grade, musl_error_count, rules_recorded)
       select entity_ref, ?, score, grade, musl_error_count, rules_recorded
       from score_history where day = ?
       on conflict (entity_ref, day) do nothing`,
      [day, today],
    );
    await db.raw(
      `insert into rule_history (entity_ref, day, rule_id)
       select entity_ref, ?, rule_id from rule_history where day = ?
       on conflict (entity_ref, day, rule_id) do nothing`,
      [day, today],
    );
    const eol = refs
      .filter(ref => serviceIndex(ref) % EOL_FIXED_PER_DAY < age)
      .map(ref => ({ entity_ref: ref, day, rule_id: 'alpine-eol' }));
    for (let start = 0; start < eol.length; start += INSERT_BATCH) {
      await db('rule_history')
        .insert(eol.slice(start, start + INSERT_BATCH))
        .onConflict(['entity_ref', 'day', 'rule_id'])
        .ignore();
    }
  }
  // Past days are settled: the plugin never writes them, and a replica
  // keeps what it read of them until the history epoch moves (see
  // SettledHistoryCache). A backfill is the exception, so it moves it.
  await db('history_epoch').where('id', 1).increment('epoch', 1);
  const rowsOf = async (table: string) =>
    Number((await db(table).count({ count: '*' }).first())?.count ?? 0);
  const scoreRows = await rowsOf('score_history');
  const ruleRows = await rowsOf('rule_history');
  if (String(db.client.config.client) === 'pg') {
    await db.raw('vacuum analyze score_history, rule_history');
  } else {
    await db.raw('analyze');
  }
  return { scoreRows, ruleRows };
}
