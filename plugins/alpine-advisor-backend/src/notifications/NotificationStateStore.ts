import type { Knex } from 'knex';
import { chunk } from '../database/chunk';
import type { DbTimestamp } from '../database/rows';

/** `notification_state`: what was last notified (or observed) per entity, topic and key. */
export interface NotificationStateRow {
  entity_ref: string;
  topic: string;
  key: string;
  state: string;
  notified_at: DbTimestamp | null;
  updated_at: DbTimestamp;
}

/** One key's state, as stored. */
export interface NotificationState {
  entityRef: string;
  topic: string;
  key: string;
  state: string;
}

/**
 * The notifications room's table. Every write is a compare-and-set, so that
 * of two replicas storing the same change only one sees the transition (and
 * sends its notification).
 */
export class NotificationStateStore {
  constructor(private readonly db: Knex) {}

  /** The stored states of the entities' keys in these topics, by entity. */
  async states(
    entityRefs: string[],
    topics: string[],
  ): Promise<Map<string, NotificationState[]>> {
    const result = new Map<string, NotificationState[]>();
    for (const refs of chunk([...new Set(entityRefs)], 500)) {
      const rows = await this.db<NotificationStateRow>('notification_state')
        .whereIn('entity_ref', refs)
        .whereIn('topic', topics)
        .select('entity_ref', 'topic', 'key', 'state');
      for (const row of rows) {
        const list = result.get(row.entity_ref) ?? [];
        list.push({
          entityRef: row.entity_ref,
          topic: row.topic,
          key: row.key,
          state: row.state,
        });
        result.set(row.entity_ref, list);
      }
    }
    return result;
  }

  /**
   * Moves a key from `expected` (undefined: no row yet) to `next`; false
   * when another writer moved it first (then this writer's view was old).
   */
  async compareAndSet(
    key: Omit<NotificationState, 'state'>,
    expected: string | undefined,
    next: string,
    at: Date,
    notified: boolean,
  ): Promise<boolean> {
    if (expected === undefined) {
      const inserted = await this.db<NotificationStateRow>('notification_state')
        .insert({
          entity_ref: key.entityRef,
          topic: key.topic,
          key: key.key,
          state: next,
          notified_at: notified ? at : null,
          updated_at: at,
        })
        .onConflict(['entity_ref', 'topic', 'key'])
        .ignore()
        .returning('key');
      return inserted.length > 0;
    }
    const updated = await this.db<NotificationStateRow>('notification_state')
      .where({
        entity_ref: key.entityRef,
        topic: key.topic,
        key: key.key,
        state: expected,
      })
      .update({
        state: next,
        updated_at: at,
        ...(notified ? { notified_at: at } : {}),
      });
    return updated > 0;
  }

  /** Forgets keys (a finding that went away may be new again later); false when already gone. */
  async remove(
    key: Omit<NotificationState, 'state'>,
    expected: string,
  ): Promise<boolean> {
    const deleted = await this.db<NotificationStateRow>('notification_state')
      .where({
        entity_ref: key.entityRef,
        topic: key.topic,
        key: key.key,
        state: expected,
      })
      .delete();
    return deleted > 0;
  }

  /** The owners (`spec.owner`, full refs) of stored entities. */
  async owners(entityRefs: string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const refs of chunk([...new Set(entityRefs)], 500)) {
      const rows = await this.db('entities')
        .whereIn('entity_ref', refs)
        .whereNotNull('owner')
        .select('entity_ref', 'owner');
      for (const row of rows as Array<{ entity_ref: string; owner: string }>) {
        result.set(row.entity_ref, row.owner);
      }
    }
    return result;
  }

  /** Drops the state of entities no longer stored (they left the catalog). */
  async pruneRemovedEntities(): Promise<number> {
    return this.db('notification_state')
      .whereNotIn('entity_ref', this.db('entities').select('entity_ref'))
      .delete();
  }
}
