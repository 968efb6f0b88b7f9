import type { Analyzer } from '@alpine-advisor/analyzer';
import type {
  NewWaiver,
  Waiver,
  WaiverList,
} from '@alpine-advisor/backstage-plugin-common';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import type { EntityVisibility } from '../database/ReportStore';
import type { DatabaseWaiverStore, StoredWaiver } from './DatabaseWaiverStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `alpineAdvisor.waivers` (see config.d.ts). */
export interface WaiverSettings {
  maxDays: number;
  requireApproval: boolean;
  expiringSoonDays: number;
}

/**
 * The rules of waivers: what may be waived, for how long, who approves, and
 * their states; the router checks permissions and audits, the applier
 * re-scores. Enforced rules cannot be waived: a waiver would silence what
 * the organisation said no repository may silence (the analyzer ignores such
 * waivers too, should a rule become enforced after a waiver was recorded).
 */
export class WaiverService {
  constructor(
    private readonly options: {
      store: DatabaseWaiverStore;
      analyzer: Pick<Analyzer, 'getRule'>;
      enforcedRules: readonly string[];
      settings: WaiverSettings;
      /** Re-scores the entity after a change (WaiverApplier.reapply). */
      reapply(entityRef: string): Promise<unknown>;
      now?: () => Date;
    },
  ) {}

  get settings(): WaiverSettings {
    return this.options.settings;
  }

  async create(
    entityRef: string,
    input: NewWaiver,
    createdBy: string,
  ): Promise<Waiver> {
    const now = this.now();
    const rule = this.options.analyzer.getRule(input.ruleId);
    if (!rule) {
      throw new InputError(`Unknown rule "${clip(input.ruleId)}"`);
    }
    if (this.options.enforcedRules.includes(rule.id)) {
      throw new InputError(
        `${rule.id} is enforced by the organisation (alpineAdvisor.rules.enforce) and cannot be waived`,
      );
    }
    const reason = input.reason.trim();
    if (reason.length === 0) {
      throw new InputError('A waiver needs a reason');
    }
    const expiresAt = new Date(input.expiresAt);
    if (Number.isNaN(expiresAt.getTime())) {
      throw new InputError('expiresAt is not a date-time');
    }
    if (expiresAt.getTime() <= now.getTime()) {
      throw new InputError('expiresAt must be in the future');
    }
    const { maxDays, requireApproval } = this.options.settings;
    if (expiresAt.getTime() > now.getTime() + maxDays * DAY_MS) {
      throw new InputError(
        `expiresAt may be at most ${maxDays} days ahead (alpineAdvisor.waivers.maxDays)`,
      );
    }
    const waiver: StoredWaiver = {
      id: randomUUID(),
      entityRef,
      ruleId: rule.id,
      reason,
      expiresAt,
      status: requireApproval ? 'pending' : 'active',
      createdBy,
      createdAt: now,
    };
    if (input.fingerprint) waiver.fingerprint = input.fingerprint;
    await this.options.store.insert(waiver);
    if (waiver.status === 'active') {
      await this.options.reapply(entityRef);
    }
    return this.toApi(waiver, now);
  }

  /** The waiver, or 404. */
  async get(id: string): Promise<StoredWaiver> {
    const waiver = await this.options.store.get(id);
    if (!waiver) throw new NotFoundError(`No waiver ${clip(id)}`);
    return waiver;
  }

  async approve(waiver: StoredWaiver, approvedBy: string): Promise<Waiver> {
    const now = this.now();
    if (waiver.status !== 'pending') {
      throw new ConflictError(
        `Waiver ${waiver.id} is ${waiver.status}, not pending`,
      );
    }
    if (waiver.createdBy === approvedBy) {
      throw new ConflictError(
        'A waiver cannot be approved by whoever recorded it',
      );
    }
    if (waiver.expiresAt.getTime() <= now.getTime()) {
      throw new ConflictError(
        `Waiver ${waiver.id} expired before it was approved`,
      );
    }
    const changed = await this.options.store.transition(
      waiver.id,
      ['pending'],
      {
        status: 'active',
        approvedBy,
        approvedAt: now,
      },
    );
    if (!changed)
      throw new ConflictError(`Waiver ${waiver.id} changed meanwhile`);
    await this.options.reapply(waiver.entityRef);
    return this.toApi(
      { ...waiver, status: 'active', approvedBy, approvedAt: now },
      now,
    );
  }

  async revoke(waiver: StoredWaiver, revokedBy: string): Promise<Waiver> {
    const now = this.now();
    if (waiver.status === 'revoked') {
      throw new ConflictError(`Waiver ${waiver.id} is already revoked`);
    }
    const changed = await this.options.store.transition(
      waiver.id,
      ['pending', 'active'],
      { status: 'revoked', revokedBy, revokedAt: now },
    );
    if (!changed)
      throw new ConflictError(`Waiver ${waiver.id} changed meanwhile`);
    if (waiver.status === 'active') {
      await this.options.reapply(waiver.entityRef);
    }
    return this.toApi(
      { ...waiver, status: 'revoked', revokedBy, revokedAt: now },
      now,
    );
  }

  async list(
    query: {
      entityRef?: string;
      status?: Waiver['status'][];
      expiringWithinDays?: number;
    },
    visibility: EntityVisibility,
  ): Promise<WaiverList> {
    const now = this.now();
    const { expiringSoonDays, requireApproval, maxDays } =
      this.options.settings;
    const stored = await this.options.store.list(
      {
        entityRef: query.entityRef,
        now,
        expiringBefore: query.expiringWithinDays
          ? new Date(now.getTime() + query.expiringWithinDays * DAY_MS)
          : undefined,
      },
      visibility,
    );
    const all = stored.map(waiver => this.toApi(waiver, now));
    const soon = now.getTime() + expiringSoonDays * DAY_MS;
    const items = query.status?.length
      ? all.filter(waiver => query.status!.includes(waiver.status))
      : all;
    return {
      items,
      summary: {
        activeCount: all.filter(waiver => waiver.status === 'active').length,
        pendingCount: all.filter(waiver => waiver.status === 'pending').length,
        expiringSoonCount: all.filter(
          waiver =>
            waiver.status === 'active' &&
            new Date(waiver.expiresAt).getTime() <= soon,
        ).length,
        expiringSoonDays,
        requireApproval,
        maxDays,
      },
    };
  }

  toApi(waiver: StoredWaiver, now: Date = this.now()): Waiver {
    const expired =
      waiver.status === 'active' && waiver.expiresAt.getTime() <= now.getTime();
    const result: Waiver = {
      id: waiver.id,
      entityRef: waiver.entityRef,
      ruleId: waiver.ruleId,
      reason: waiver.reason,
      expiresAt: waiver.expiresAt.toISOString(),
      status: expired ? 'expired' : waiver.status,
      createdBy: waiver.createdBy,
      createdAt: waiver.createdAt.toISOString(),
    };
    if (waiver.fingerprint) result.fingerprint = waiver.fingerprint;
    if (waiver.approvedBy) result.approvedBy = waiver.approvedBy;
    if (waiver.approvedAt) result.approvedAt = waiver.approvedAt.toISOString();
    if (waiver.revokedBy) result.revokedBy = waiver.revokedBy;
    if (waiver.revokedAt) result.revokedAt = waiver.revokedAt.toISOString();
    return result;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** Echoes at most the start of what the caller sent. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
