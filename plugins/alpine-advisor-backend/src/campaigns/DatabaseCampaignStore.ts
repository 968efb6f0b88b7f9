import type {
  CampaignScope,
  ReportFilter,
} from '@alpine-advisor/backstage-plugin-common';
import type { Knex } from 'knex';
import {
  aggregateHistoryOf,
  DayWindow,
  HistoryRowShape,
  withinDays,
} from '../database/historyOfEntities';
import { applyReportFilter } from '../database/reportFilter';
import type { EntityVisibility, ReportTerms } from '../database/ReportStore';
import type {
  CampaignNoticeRow,
  CampaignRow,
  DbCount,
  EntityRow,
} from '../database/rows';
import type { SettledHistoryCache } from '../database/SettledHistoryCache';
import { toDate } from '../database/timestamps';

/** A campaign as the store keeps it (those from app-config are never stored). */
export interface StoredCampaign {
  id: string;
  title: string;
  description?: string;
  condition: 'eol-alpine' | 'breaking-musl' | 'rules';
  /** Rule ids (resolved); for eol-alpine, its rule. */
  rules: string[];
  scope: CampaignScope;
  startsOn: string;
  deadline: string;
  createdBy?: string;
  createdAt?: Date;
}

/** What the counting queries need of a campaign. */
export type CampaignTarget = Pick<
  StoredCampaign,
  'condition' | 'rules' | 'scope'
>;

/** Affected and total services, overall or of one owner. */
export interface CampaignCountRow {
  owner?: string | null;
  affected_count: DbCount | null;
  total_count: DbCount;
}

/** One day of a burn-down, as grouped in the database. */
export interface CampaignDayRow {
  day: string;
  scanned_count: DbCount;
  affected_count: DbCount | null;
}

type ScannedDayRow = Pick<CampaignDayRow, 'day' | 'scanned_count'>;
type AffectedDayRow = Pick<CampaignDayRow, 'day' | 'affected_count'>;

const MUSL_DAY_SHAPE: HistoryRowShape<CampaignDayRow> = {
  keys: ['day'],
  figures: ['scanned_count', 'affected_count'],
  presence: 'scanned_count',
};
const SCANNED_DAY_SHAPE: HistoryRowShape<ScannedDayRow> = {
  keys: ['day'],
  figures: ['scanned_count'],
  presence: 'scanned_count',
};
const AFFECTED_DAY_SHAPE: HistoryRowShape<AffectedDayRow> = {
  keys: ['day'],
  figures: ['affected_count'],
  presence: 'affected_count',
};

/**
 * The campaigns table, and the counts a campaign's standing is made of,
 * computed in the database: over the entities of the scope the caller may
 * read (the org report's filter), from their current result for today and
 * from `score_history` and `rule_history` for the burn-down.
 */
export class DatabaseCampaignStore {
  /** `settledHistory` keeps burn-downs' settled days (see SettledHistoryCache). */
  constructor(
    private readonly db: Knex,
    private readonly settledHistory?: SettledHistoryCache,
  ) {}

  async insert(campaign: StoredCampaign): Promise<void> {
    await this.db<CampaignRow>('campaigns').insert({
      id: campaign.id,
      title: campaign.title,
      description: campaign.description ?? null,
      condition: campaign.condition,
      rules:
        campaign.condition === 'rules' ? JSON.stringify(campaign.rules) : null,
      scope: JSON.stringify(campaign.scope),
      starts_on: campaign.startsOn,
      deadline: campaign.deadline,
      created_by: campaign.createdBy ?? 'unknown',
      created_at: campaign.createdAt ?? new Date(),
    });
  }

  async get(id: string): Promise<StoredCampaign | undefined> {
    const row = await this.db<CampaignRow>('campaigns').where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  async list(): Promise<StoredCampaign[]> {
    const rows = await this.db<CampaignRow>('campaigns')
      .orderBy('deadline')
      .orderBy('id');
    return rows.map(fromRow);
  }

  /** False when there was no such campaign. */
  async delete(id: string): Promise<boolean> {
    return await this.db.transaction(async trx => {
      await trx<CampaignNoticeRow>('campaign_notices')
        .where('campaign_id', id)
        .delete();
      const deleted: number = await trx<CampaignRow>('campaigns')
        .where('id', id)
        .delete();
      return deleted > 0;
    });
  }

  /** Services in scope with a good scan, and how many of them the condition affects today. */
  async standing(
    campaign: CampaignTarget,
    visibility: EntityVisibility,
    terms: ReportTerms,
  ): Promise<CampaignCountRow> {
    const row: CampaignCountRow | undefined = await this.scoped(
      campaign,
      visibility,
      terms,
    ).first(...this.counts(campaign));
    return row ?? { affected_count: 0, total_count: 0 };
  }

  /** The same per owner, most affected first. */
  async owners(
    campaign: CampaignTarget,
    visibility: EntityVisibility,
    terms: ReportTerms,
  ): Promise<CampaignCountRow[]> {
    return await this.scoped(campaign, visibility, terms)
      .groupBy('e.owner')
      .select('e.owner as owner', ...this.counts(campaign))
      .orderBy([
        { column: 'affected_count', order: 'desc' },
        { column: 'total_count', order: 'desc' },
      ])
      .orderByRaw('(e.owner is null) asc')
      .orderBy('e.owner', 'asc');
  }

  /**
   * Per day from `fromDay` to `toDay` (`YYYY-MM-DD`, inclusive): the services
   * of the scope with a recorded result that day, and how many of them the
   * condition affected (see aggregateHistoryOf for how the history is read).
   */
  async burnDown(
    campaign: CampaignTarget,
    visibility: EntityVisibility,
    terms: ReportTerms,
    fromDay: string,
    toDay: string,
  ): Promise<CampaignDayRow[]> {
    const days = (
      trx: Knex.Transaction,
      table: string,
      alias: string,
      window: DayWindow,
    ) =>
      withinDays(
        trx(`${table} as ${alias}`)
          .where(`${alias}.day`, '>=', fromDay)
          .where(`${alias}.day`, '<=', toDay),
        `${alias}.day`,
        window,
      )
        .groupBy(`${alias}.day`)
        .orderBy(`${alias}.day`, 'asc');
    const ofEntities = (
      query: Knex.QueryBuilder,
      column: string,
      entityRefs: Knex.QueryBuilder | undefined,
    ) => (entityRefs ? query.whereIn(column, entityRefs) : query);
    return await aggregateHistoryOf(
      this.db,
      this.inScope(campaign, visibility, terms),
      async history => {
        if (campaign.condition === 'breaking-musl') {
          return await history.aggregate<CampaignDayRow>(
            (trx, entityRefs, window) =>
              ofEntities(
                days(trx, 'score_history', 'h', window),
                'h.entity_ref',
                entityRefs,
              ).select(
                'h.day',
                trx.raw('count(*) as scanned_count'),
                trx.raw(
                  'sum(case when coalesce(h.musl_error_count, 0) > 0 then 1 else 0 end) as affected_count',
                ),
              ),
            MUSL_DAY_SHAPE,
          );
        }
        // The days' services, and apart from them the affected ones straight
        // from rule_history's (rule_id, day, entity_ref) index: an EXISTS per
        // history row cost seconds at 10,000 services × 90 days. A
        // rule_history row is only written for a day whose rules are
        // recorded, and only counts days whose rules were recorded
        // (`rules_recorded`), so days from before rule history was kept are
        // left out rather than shown as clean.
        const scanned = await history.aggregate<ScannedDayRow>(
          (trx, entityRefs, window) =>
            ofEntities(
              days(trx, 'score_history', 'h', window),
              'h.entity_ref',
              entityRefs,
            )
              .where('h.rules_recorded', true)
              .select('h.day', trx.raw('count(*) as scanned_count')),
          SCANNED_DAY_SHAPE,
        );
        const affected = await history.aggregate<AffectedDayRow>(
          (trx, entityRefs, window) =>
            ofEntities(
              days(trx, 'rule_history', 'r', window),
              'r.entity_ref',
              entityRefs,
            )
              .whereIn('r.rule_id', campaign.rules)
              .select(
                'r.day',
                trx.raw('count(distinct r.entity_ref) as affected_count'),
              ),
          AFFECTED_DAY_SHAPE,
        );
        const affectedByDay = new Map(
          affected.map(row => [row.day, row.affected_count]),
        );
        return scanned.map(row => ({
          ...row,
          affected_count: affectedByDay.get(row.day) ?? 0,
        }));
      },
      this.settledHistory,
    );
  }

  /**
   * Claims a deadline notice for a campaign's owner and milestone: true the
   * first time only, so each is sent once (across sweeps and replicas).
   */
  async claimNotice(
    campaignId: string,
    owner: string,
    daysBefore: number,
    at: Date,
  ): Promise<boolean> {
    const inserted = await this.db<CampaignNoticeRow>('campaign_notices')
      .insert({
        campaign_id: campaignId,
        owner,
        days_before: daysBefore,
        sent_at: at,
      })
      .onConflict(['campaign_id', 'owner', 'days_before'])
      .ignore()
      .returning('campaign_id');
    return inserted.length > 0;
  }

  /** Gives a claim back when the notice could not be sent, so that the next run tries again. */
  async releaseNotice(
    campaignId: string,
    owner: string,
    daysBefore: number,
  ): Promise<void> {
    await this.db<CampaignNoticeRow>('campaign_notices')
      .where({ campaign_id: campaignId, owner, days_before: daysBefore })
      .delete();
  }

  /** The scope's entities the caller may read (the org report's filter). */
  private inScope(
    campaign: CampaignTarget,
    visibility: EntityVisibility,
    terms: ReportTerms,
  ): Knex.QueryBuilder {
    const filter: ReportFilter = {};
    for (const field of ['owner', 'system', 'domain', 'lifecycle'] as const) {
      const values = campaign.scope[field];
      if (values?.length) filter[field] = values;
    }
    return applyReportFilter(
      this.db,
      this.db<EntityRow>('entities as e'),
      filter,
      visibility,
      terms,
    );
  }

  /** In scope and with a good scan: what a campaign counts today. */
  private scoped(
    campaign: CampaignTarget,
    visibility: EntityVisibility,
    terms: ReportTerms,
  ): Knex.QueryBuilder {
    return this.inScope(campaign, visibility, terms).whereNotNull('e.score');
  }

  private counts(campaign: CampaignTarget): Knex.Raw[] {
    return [this.db.raw('count(*) as total_count'), this.affectedSum(campaign)];
  }

  private affectedSum(campaign: CampaignTarget): Knex.Raw {
    if (campaign.condition === 'breaking-musl') {
      return this.db.raw(
        'sum(case when e.musl_error_count > 0 then 1 else 0 end) as affected_count',
      );
    }
    // Uncorrelated: the set of affected entities is built once (hashed by
    // PostgreSQL, an ephemeral index in SQLite). A correlated EXISTS ran once
    // per entity, 30 ms at 10,000 on PostgreSQL where the planner kept it.
    const rules = campaign.rules.map(() => '?').join(', ');
    return this.db.raw(
      `sum(case when e.entity_ref in (
         select rc.entity_ref from rule_counts rc where rc.rule_id in (${rules})
       ) then 1 else 0 end) as affected_count`,
      campaign.rules,
    );
  }
}

function fromRow(row: CampaignRow): StoredCampaign {
  const campaign: StoredCampaign = {
    id: row.id,
    title: row.title,
    condition: row.condition as StoredCampaign['condition'],
    rules: row.rules ? JSON.parse(row.rules) : [],
    scope: JSON.parse(row.scope),
    startsOn: row.starts_on,
    deadline: row.deadline,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
  };
  if (row.description !== null) campaign.description = row.description;
  return campaign;
}
