import type { Knex } from 'knex';
import type { SettledHistoryCache } from './SettledHistoryCache';

/** Days of history (`YYYY-MM-DD`): from `from` on, and before `before`. */
export interface DayWindow {
  from?: string;
  before?: string;
}

/**
 * Builds a query over the daily history (`score_history`, `rule_history`)
 * in a transaction, grouped by day and ordered by it. `entityRefs`, when
 * given, is a subquery of the entity refs whose rows count; without it every
 * row counts. The query keeps to `window` besides its own days (see
 * withinDays).
 */
export type GroupedHistoryQuery = (
  trx: Knex.Transaction,
  entityRefs: Knex.QueryBuilder | undefined,
  window: DayWindow,
) => Knex.QueryBuilder;

/** Narrows a history query to the window's days, on its day column. */
export function withinDays(
  query: Knex.QueryBuilder,
  dayColumn: string,
  window: DayWindow,
): Knex.QueryBuilder {
  if (window.from !== undefined) query.where(dayColumn, '>=', window.from);
  if (window.before !== undefined) query.where(dayColumn, '<', window.before);
  return query;
}

/** Which columns of a grouped history row group it, and which add up. */
export interface HistoryRowShape<Row> {
  keys: Array<keyof Row & string>;
  /** Counts and sums: additive, so that one entity set's can be taken from another's. */
  figures: Array<keyof Row & string>;
  /** The count whose zero means the group has no row (then it is left out, as a direct query would). */
  presence: keyof Row & string;
}

/**
 * The selected entities' rows directly; every row, when they are all the
 * stored entities; or every row less those of the entities left out, when
 * those are the fewer.
 */
type ReadStrategy =
  | { kind: 'selected' }
  | { kind: 'every' }
  | { kind: 'every-but'; leftOut: Knex.QueryBuilder };

/** The history of one entity set, inside aggregateHistoryOf's transaction. */
export class HistoryOfEntities {
  constructor(
    private readonly trx: Knex.Transaction,
    private readonly selected: Knex.QueryBuilder,
    private readonly strategy: ReadStrategy,
    private readonly settled?: { cache: SettledHistoryCache; epoch: number },
  ) {}

  /**
   * The grouped rows over the selected entities' history, in day order;
   * figures as numbers. Settled days come from the cache when there is one.
   */
  async aggregate<Row extends object>(
    grouped: GroupedHistoryQuery,
    shape: HistoryRowShape<Row>,
  ): Promise<Row[]> {
    if (!this.settled) {
      return await this.read(grouped, shape, {});
    }
    const { cache, epoch } = this.settled;
    const liveFrom = cache.liveFrom();
    const settledDays = { before: liveFrom };
    // Every strategy answers what the selected entities' own query asks, so
    // that query (with the caller's visible entities in its bindings) is
    // the key, whichever way round it is read.
    const settled = await cache.rows(
      epoch,
      grouped(this.trx, this.selected, settledDays),
      () => this.read(grouped, shape, settledDays),
    );
    const live = await this.read(grouped, shape, { from: liveFrom });
    return [...settled, ...live];
  }

  private async read<Row extends object>(
    grouped: GroupedHistoryQuery,
    shape: HistoryRowShape<Row>,
    window: DayWindow,
  ): Promise<Row[]> {
    const { strategy, trx } = this;
    if (strategy.kind === 'selected') {
      return numeric(await grouped(trx, this.selected, window), shape);
    }
    const every: Row[] = numeric(await grouped(trx, undefined, window), shape);
    if (strategy.kind === 'every') {
      return every;
    }
    const excluded: Row[] = numeric(
      await grouped(trx, strategy.leftOut, window),
      shape,
    );
    return subtract(every, excluded, shape);
  }
}

/**
 * PostgreSQL, for this transaction only: no parallel workers. Over a month
 * of history at 10,000 services its planner ran the every-row aggregate as a
 * parallel sequential scan of the table, hashed and sorted (two workers and
 * the leader per request), over the serial index-only scan that aggregates
 * in the index's own order: 83–115 against 33 ms p50 on the bench's two
 * cores (`yarn bench:org-trend`, 30 days); the org-wide musl burn-down went
 * from 126 to 32 ms. These reads serve dashboards, many at once, where extra
 * processes per request only queue behind the others.
 */
const SERIAL_PLANS = 'set local max_parallel_workers_per_gather = 0';

/**
 * Aggregates of the daily history of the entities one query over
 * `entities as e` selects, read the cheaper way round.
 *
 * A day of history has a row per entity, so an org-wide aggregate over a
 * month joins hundreds of thousands of rows to the entities in scope: at
 * 10,000 services × 30 days that join alone took 100–400 ms. When the
 * selected entities are most of them (the org-wide campaign, the lead who may
 * read everything), the aggregate is instead taken over every row (an
 * index-only scan, no join) and the rows of the few entities left out are
 * subtracted: counts and sums add up, and the entity sets are disjoint. That
 * relies on every history row belonging to a stored entity, which the store
 * keeps: an entity's history is deleted with it, in the same transaction.
 *
 * Both reads run in one transaction (on PostgreSQL a repeatable-read
 * snapshot), so a sweep writing in between cannot make them disagree. With
 * `settledHistory`, days before yesterday are read once per history epoch
 * (see SettledHistoryCache), read in that transaction too.
 */
export async function aggregateHistoryOf<T>(
  db: Knex,
  entities: Knex.QueryBuilder,
  read: (history: HistoryOfEntities) => Promise<T>,
  settledHistory?: SettledHistoryCache,
): Promise<T> {
  const postgres = String(db.client.config.client) === 'pg';
  return await db.transaction(
    async trx => {
      if (postgres) await trx.raw(SERIAL_PLANS);
      const [selected, stored] = await Promise.all([
        countOf(entities.clone().transacting(trx)),
        countOf(trx('entities')),
      ]);
      let strategy: ReadStrategy = { kind: 'selected' };
      if (selected === stored) {
        strategy = { kind: 'every' };
      } else if (selected * 2 > stored) {
        strategy = {
          kind: 'every-but',
          leftOut: trx('entities')
            .whereNotIn('entity_ref', entities.clone().select('e.entity_ref'))
            .select('entity_ref'),
        };
      }
      const settled = settledHistory && {
        cache: settledHistory,
        epoch: await settledHistory.epochOf(trx),
      };
      return await read(
        new HistoryOfEntities(
          trx,
          entities.clone().select('e.entity_ref'),
          strategy,
          settled,
        ),
      );
    },
    postgres ? { isolationLevel: 'repeatable read', readOnly: true } : {},
  );
}

async function countOf(query: Knex.QueryBuilder): Promise<number> {
  const row = await query.count({ count: '*' }).first();
  return Number(row?.count ?? 0);
}

function numeric<Row extends object>(
  rows: Row[],
  shape: HistoryRowShape<Row>,
): Row[] {
  return rows.map(row => {
    const copy = { ...row } as Record<string, unknown>;
    for (const figure of shape.figures)
      copy[figure] = Number(copy[figure] ?? 0);
    return copy as Row;
  });
}

function subtract<Row extends object>(
  every: Row[],
  excluded: Row[],
  shape: HistoryRowShape<Row>,
): Row[] {
  const keyOf = (row: Row) => JSON.stringify(shape.keys.map(key => row[key]));
  const byKey = new Map<string, Record<string, unknown>>(
    every.map(row => [keyOf(row), { ...row } as Record<string, unknown>]),
  );
  for (const row of excluded) {
    const target = byKey.get(keyOf(row));
    if (!target) continue;
    for (const figure of shape.figures) {
      target[figure] = (target[figure] as number) - Number(row[figure]);
    }
  }
  return [...byKey.values()].filter(
    row => (row[shape.presence] as number) > 0,
  ) as Row[];
}
