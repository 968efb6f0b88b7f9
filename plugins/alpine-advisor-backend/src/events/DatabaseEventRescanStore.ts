import type { Knex } from 'knex';
import { chunk } from '../database/chunk';
import type {
  EntityRow,
  EventChangeRow,
  EventRescanRow,
} from '../database/rows';

/** A change a push made to one entity's sources. */
export interface EntityChange {
  entityRef: string;
  /** The commit the push moved the branch to. */
  commit: string;
  /** The pushed repository's URL, for the record. */
  repository: string;
}

/** An entity whose stored source location lies in a pushed repository. */
export interface StoredSource {
  entityRef: string;
  /** As stored by its last scan, e.g. `url:https://github.com/org/repo/tree/main/`. */
  sourceLocation: string;
}

/** Rows per statement: well within SQLite's and PostgreSQL's bind limits. */
const BATCH = 200;

/** `%`, `_` and the escape character itself are literal in a LIKE prefix. */
function likePrefix(text: string): string {
  return text.replace(/[\\%_]/g, match => `\\${match}`);
}

/**
 * The push-event tables (see the migration `event_rescans`): the change log
 * that deduplicates deliveries and the per-entity queue that replicas claim
 * from. The store only stores; the rules (rate limit, lease length, order)
 * are the queue's.
 */
export class DatabaseEventRescanStore {
  constructor(private readonly db: Knex) {}

  /**
   * The stored entities whose source location (as their last scan recorded
   * it) lies in one of these repositories, given as URLs without a trailing
   * slash. Compared without regard to case, as GitHub and GitLab compare
   * owners and names.
   */
  async entitiesInRepositories(
    repositoryUrls: readonly string[],
  ): Promise<StoredSource[]> {
    const prefixes = [
      ...new Set(
        repositoryUrls.map(
          url => `url:${likePrefix(url.toLowerCase().replace(/\/+$/, ''))}/%`,
        ),
      ),
    ];
    if (prefixes.length === 0) {
      return [];
    }
    const rows = await this.db<EntityRow>('entities')
      .select('entity_ref', 'source_location')
      .where(query => {
        for (const prefix of prefixes) {
          query.orWhereRaw('LOWER(source_location) LIKE ? ESCAPE ?', [
            prefix,
            '\\',
          ]);
        }
      })
      .orderBy('entity_ref');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      sourceLocation: row.source_location ?? '',
    }));
  }

  /**
   * Records the changes and queues a rescan of each entity whose change was
   * not recorded before, in one transaction; returns those entities. A
   * change already recorded (the same entity and commit, from a webhook
   * delivered again or to another replica) queues nothing: whichever
   * replica inserts it first queues it, the others find it there.
   */
  async queueChanges(changes: EntityChange[], now: Date): Promise<string[]> {
    const unique = new Map<string, EntityChange>();
    for (const change of changes) {
      unique.set(`${change.entityRef}\n${change.commit}`, change);
    }
    // One order for every replica's inserts, so that two transactions
    // never wait for each other's rows the other way round.
    const sorted = [...unique.values()].sort((a, b) =>
      a.entityRef === b.entityRef
        ? a.commit.localeCompare(b.commit)
        : a.entityRef.localeCompare(b.entityRef),
    );
    if (sorted.length === 0) {
      return [];
    }
    return this.db.transaction(async tx => {
      const fresh: EntityChange[] = [];
      for (const part of chunk(sorted, BATCH)) {
        const inserted = await tx<EventChangeRow>('event_changes')
          .insert(
            part.map(change => ({
              entity_ref: change.entityRef,
              commit: change.commit,
              repository: change.repository.slice(0, 1024),
              received_at: now,
            })),
          )
          .onConflict(['entity_ref', 'commit'])
          .ignore()
          .returning(['entity_ref', 'commit']);
        const keys = new Set(
          inserted.map(row => `${row.entity_ref}\n${row.commit}`),
        );
        fresh.push(
          ...part.filter(change =>
            keys.has(`${change.entityRef}\n${change.commit}`),
          ),
        );
      }
      // Several new commits of one entity in one push event: one row, counted once each.
      const perEntity = new Map<string, { commit: string; count: number }>();
      for (const change of fresh) {
        const entry = perEntity.get(change.entityRef);
        perEntity.set(change.entityRef, {
          commit: change.commit,
          count: (entry?.count ?? 0) + 1,
        });
      }
      for (const part of chunk([...perEntity.entries()], BATCH)) {
        await tx<EventRescanRow>('event_rescans')
          .insert(
            part.map(([entityRef, { commit, count }]) => ({
              entity_ref: entityRef,
              requested: count,
              claimed: 0,
              pending: true,
              requested_at: now,
              not_before: now,
              last_commit: commit.slice(0, 128),
            })),
          )
          .onConflict('entity_ref')
          .merge({
            requested: tx.raw('?? + ??', [
              'event_rescans.requested',
              'excluded.requested',
            ]),
            pending: true,
            requested_at: tx.raw('CASE WHEN ?? THEN ?? ELSE ?? END', [
              'event_rescans.pending',
              'event_rescans.requested_at',
              'excluded.requested_at',
            ]),
            last_commit: tx.raw('??', ['excluded.last_commit']),
          } as any);
      }
      return [...perEntity.keys()];
    });
  }

  /**
   * Entities with a change not scanned yet that may be scanned now: past
   * their rate limit and not being scanned (or their scan's lease ran out,
   * its replica died). Oldest change first.
   */
  async claimable(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db<EventRescanRow>('event_rescans')
      .select('entity_ref')
      .where('pending', true)
      .where('not_before', '<=', now)
      .where(query =>
        query.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .orderBy([
        { column: 'requested_at', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(row => row.entity_ref);
  }

  /**
   * Claims one entity's rescan for a replica: one conditional update of its
   * row, so of two replicas asking at once exactly one gets it (PostgreSQL
   * re-checks the condition once the first update commits). The claim
   * covers every change counted so far.
   */
  async claim(
    entityRef: string,
    token: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<boolean> {
    const updated = await this.db<EventRescanRow>('event_rescans')
      .where('entity_ref', entityRef)
      .where('pending', true)
      .where('not_before', '<=', now)
      .where(query =>
        query.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .update({
        claimed: this.db.ref('requested') as any,
        claim_token: token,
        lease_until: leaseUntil,
      });
    return updated > 0;
  }

  /**
   * Ends a claim. `scanned`: the changes it covered are done (the entity
   * stays pending only if more arrived meanwhile). Otherwise (the scan was
   * deferred or its result could not be stored) they stay pending. Either
   * way the entity is not claimed again before `notBefore`. Nothing
   * happens when the claim is no longer this replica's (its lease ran out
   * and another replica took it).
   */
  async finish(
    entityRef: string,
    token: string,
    outcome: { scanned: boolean; at: Date; notBefore: Date },
  ): Promise<boolean> {
    const update: Record<string, unknown> = {
      claim_token: null,
      lease_until: null,
      not_before: outcome.notBefore,
    };
    if (outcome.scanned) {
      update.scanned_at = outcome.at;
      update.pending = this.db.raw('?? > ??', ['requested', 'claimed']);
      update.requested_at = this.db.raw(
        'CASE WHEN ?? > ?? THEN ?? ELSE NULL END',
        ['requested', 'claimed', 'requested_at'],
      );
    }
    const updated = await this.db<EventRescanRow>('event_rescans')
      .where('entity_ref', entityRef)
      .where('claim_token', token)
      .update(update as any);
    return updated > 0;
  }

  /** Entities waiting for a rescan (claimed or not). */
  async pendingCount(): Promise<number> {
    const [{ n }] = await this.db<EventRescanRow>('event_rescans')
      .where('pending', true)
      .count({ n: '*' });
    return Number(n);
  }

  /**
   * Forgets changes received before `time` (a webhook delivered again
   * after that would queue a rescan again) and queue rows with nothing
   * pending that were last scanned before it.
   */
  async pruneBefore(time: Date): Promise<number> {
    const changes = await this.db<EventChangeRow>('event_changes')
      .where('received_at', '<', time)
      .delete();
    await this.db<EventRescanRow>('event_rescans')
      .where('pending', false)
      .where('scanned_at', '<', time)
      .delete();
    return changes;
  }
}
