import type { FindingWaiver } from '@alpine-advisor/analyzer';
import type { Knex } from 'knex';
import type { EntityVisibility } from '../database/ReportStore';
import { chunk } from '../database/chunk';
import { toDate } from '../database/timestamps';
import { whereVisible } from '../database/visibleEntities';
import { whereRefsIn } from '../database/whereRefsIn';

/** A waiver as stored. `expired` is not stored: it is `active` past `expiresAt`. */
export interface StoredWaiver {
  id: string;
  entityRef: string;
  ruleId: string;
  fingerprint?: string;
  reason: string;
  expiresAt: Date;
  status: 'pending' | 'active' | 'revoked';
  createdBy: string;
  createdAt: Date;
  approvedBy?: string;
  approvedAt?: Date;
  revokedBy?: string;
  revokedAt?: Date;
}

/** Which waivers a list wants. */
export interface WaiverQuery {
  entityRef?: string;
  /** Only active waivers expiring before this time (and not yet expired at `now`). */
  expiringBefore?: Date;
  now: Date;
}

/** Entity refs per `whereIn`, well under SQLite's and PostgreSQL's bind limits. */
const REFS_PER_STATEMENT = 500;

const LIST_LIMIT = 1000;

/** The waivers table; the store only stores (rules live in WaiverService). */
export class DatabaseWaiverStore {
  constructor(private readonly db: Knex) {}

  async insert(waiver: StoredWaiver): Promise<void> {
    await this.db('waivers').insert(toRow(waiver));
  }

  async get(id: string): Promise<StoredWaiver | undefined> {
    const row = await this.db('waivers').where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  /** Moves a waiver from one status to another; false when it was not in `from` any more (a concurrent change). */
  async transition(
    id: string,
    from: StoredWaiver['status'][],
    changes: Partial<
      Pick<
        StoredWaiver,
        'status' | 'approvedBy' | 'approvedAt' | 'revokedBy' | 'revokedAt'
      >
    >,
  ): Promise<boolean> {
    const updated = await this.db('waivers')
      .where('id', id)
      .whereIn('status', from)
      .update(
        withoutUndefined({
          status: changes.status,
          approved_by: changes.approvedBy,
          approved_at: changes.approvedAt,
          revoked_by: changes.revokedBy,
          revoked_at: changes.revokedAt,
        }),
      );
    return updated > 0;
  }

  /** What the analysis of an entity applies: active waivers not expired at `now`. */
  async inForce(entityRef: string, now: Date): Promise<FindingWaiver[]> {
    return (await this.inForceFor([entityRef], now)).get(entityRef) ?? [];
  }

  /** `inForce` for a page of entities in one read per chunk (the sweep's). */
  async inForceFor(
    entityRefs: string[],
    now: Date,
  ): Promise<Map<string, FindingWaiver[]>> {
    const byEntity = new Map<string, FindingWaiver[]>();
    for (const refs of chunk(entityRefs, REFS_PER_STATEMENT)) {
      const rows = await whereRefsIn(this.db('waivers'), 'entity_ref', refs)
        .where({ status: 'active' })
        .where('expires_at', '>', now)
        .orderBy('id')
        .select('id', 'entity_ref', 'rule_id', 'fingerprint', 'expires_at');
      for (const row of rows) {
        const waiver: FindingWaiver = {
          id: row.id,
          ruleId: row.rule_id,
          expiresAt: toDate(row.expires_at)!.toISOString(),
        };
        if (row.fingerprint) waiver.fingerprint = row.fingerprint;
        const waivers = byEntity.get(row.entity_ref) ?? [];
        waivers.push(waiver);
        byEntity.set(row.entity_ref, waivers);
      }
    }
    return byEntity;
  }

  /** Newest first, within the visible entities, at most 1000. */
  async list(
    query: WaiverQuery,
    visibility: EntityVisibility,
  ): Promise<StoredWaiver[]> {
    // `e`: whereVisible narrows on e.entity_ref.
    let select = this.db('waivers as e');
    if (query.entityRef) select = select.where('e.entity_ref', query.entityRef);
    if (query.expiringBefore) {
      select = select
        .where('e.status', 'active')
        .where('e.expires_at', '>', query.now)
        .where('e.expires_at', '<=', query.expiringBefore);
    }
    const rows = await whereVisible(this.db, select, visibility)
      .orderBy([
        { column: 'e.created_at', order: 'desc' },
        { column: 'e.id', order: 'asc' },
      ])
      .limit(LIST_LIMIT)
      .select('e.*');
    return rows.map(fromRow);
  }

  /** Active waivers past their expiry whose entity was not re-scored since. */
  async expiredUnapplied(now: Date, limit = 500): Promise<StoredWaiver[]> {
    const rows = await this.db('waivers')
      .where('status', 'active')
      .where('expires_at', '<=', now)
      .whereNull('expiry_applied_at')
      .orderBy('expires_at')
      .limit(limit);
    return rows.map(fromRow);
  }

  async markExpiryApplied(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db('waivers')
      .whereIn('id', ids)
      .update({ expiry_applied_at: at });
  }
}

function toRow(waiver: StoredWaiver) {
  return {
    id: waiver.id,
    entity_ref: waiver.entityRef,
    rule_id: waiver.ruleId,
    fingerprint: waiver.fingerprint ?? null,
    reason: waiver.reason,
    expires_at: waiver.expiresAt,
    status: waiver.status,
    created_by: waiver.createdBy,
    created_at: waiver.createdAt,
    approved_by: waiver.approvedBy ?? null,
    approved_at: waiver.approvedAt ?? null,
    revoked_by: waiver.revokedBy ?? null,
    revoked_at: waiver.revokedAt ?? null,
  };
}

function fromRow(row: Record<string, any>): StoredWaiver {
  return withoutUndefined({
    id: row.id,
    entityRef: row.entity_ref,
    ruleId: row.rule_id,
    fingerprint: row.fingerprint ?? undefined,
    reason: row.reason,
    expiresAt: toDate(row.expires_at)!,
    status: row.status,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at)!,
    approvedBy: row.approved_by ?? undefined,
    approvedAt: toDate(row.approved_at),
    revokedBy: row.revoked_by ?? undefined,
    revokedAt: toDate(row.revoked_at),
  }) as StoredWaiver;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as T;
}
