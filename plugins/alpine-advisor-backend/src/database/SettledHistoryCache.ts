import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { LRUCache } from 'lru-cache';
import { utcDay } from './timestamps';

const DAY_MS = 86_400_000;

/** How many aggregates a replica keeps: each is a few hundred small rows. */
const DEFAULT_MAX_ENTRIES = 500;

export interface SettledHistoryCacheOptions {
  /** Injected in tests; the replica's clock otherwise. */
  now?: () => Date;
  maxEntries?: number;
}

/**
 * Daily-history aggregates of settled days, kept by one replica.
 *
 * Team, system and domain views and campaign burn-downs read a month of
 * daily history on every request, and at 10,000 services that read is most
 * of what they cost. Yet a day's history is only written while it is today
 * (a scan records the UTC day it started, so a scan running over midnight
 * still writes yesterday): before yesterday, a day is settled. What an
 * aggregate over settled days reads can change only when an entity's scope
 * columns or opt-out change, an entity is removed or old days are pruned,
 * and each of those bumps `history_epoch` in the same transaction (migration
 * `20261214000000_history_epoch`). So an aggregate of settled days stands,
 * exactly, for as long as the epoch it was read under: the key is the
 * query's own SQL and bindings (the scope, the caller's visible entities,
 * the days) and the epoch, read in the query's transaction and snapshot.
 * Yesterday and today are read from the database every time.
 */
export class SettledHistoryCache {
  private readonly now: () => Date;
  private readonly entries: LRUCache<string, object[]>;

  constructor(options: SettledHistoryCacheOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.entries = new LRUCache({
      max: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    });
  }

  /** The first day still being written (`YYYY-MM-DD`): yesterday, UTC. */
  liveFrom(): string {
    return utcDay(new Date(this.now().getTime() - DAY_MS));
  }

  /** The epoch in force for the transaction's snapshot. */
  async epochOf(trx: Knex.Transaction): Promise<number> {
    const row = await trx('history_epoch').where('id', 1).first('epoch');
    return Number(row?.epoch ?? 0);
  }

  /**
   * The rows `query` describes over settled days: kept ones when read under
   * the same epoch, else `load`'s (then kept). Callers get copies.
   */
  async rows<Row extends object>(
    epoch: number,
    query: Knex.QueryBuilder,
    load: () => Promise<Row[]>,
  ): Promise<Row[]> {
    const key = keyOf(epoch, query);
    let rows = this.entries.get(key) as Row[] | undefined;
    if (!rows) {
      rows = await load();
      this.entries.set(key, rows);
    }
    return rows.map(row => ({ ...row }));
  }
}

function keyOf(epoch: number, query: Knex.QueryBuilder): string {
  const { sql, bindings } = query.toSQL();
  return createHash('sha256')
    .update(JSON.stringify([epoch, sql, bindings]))
    .digest('base64');
}
