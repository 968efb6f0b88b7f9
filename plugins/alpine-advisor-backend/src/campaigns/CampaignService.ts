import type { Analyzer } from '@alpine-advisor/analyzer';
import type {
  Campaign,
  CampaignList,
  CampaignProgress,
  CampaignScope,
  CampaignStanding,
  CampaignState,
  NewCampaign,
} from '@alpine-advisor/backstage-plugin-common';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { EntityVisibility, ReportTerms } from '../database/ReportStore';
import { utcDay } from '../database/timestamps';
import type {
  CampaignTarget,
  DatabaseCampaignStore,
  StoredCampaign,
} from './DatabaseCampaignStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The rule whose findings say a stage runs an end-of-life Alpine release. */
export const EOL_ALPINE_RULE = 'alpine-eol';
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A config campaign without `startsOn` starts this long before its deadline. */
const DEFAULT_CONFIG_WINDOW_DAYS = 90;
/** Bounds of a campaign's window, so a burn-down stays a bounded query. */
const MAX_WINDOW_DAYS = 3 * 366;
const MAX_DEADLINE_AHEAD_DAYS = 5 * 366;
const SCOPE_FIELDS = ['owner', 'system', 'domain', 'lifecycle'] as const;

/** A campaign as the service knows it: where it comes from, and its rules resolved. */
export interface CampaignDefinition extends StoredCampaign {
  source: 'config' | 'api';
}

/**
 * Campaigns: declared in app-config (checked at start-up: a bad one stops
 * the backend, as an unknown enforced rule does) or through the API (stored),
 * one id space for both. Their standing, burn-down and owners' progress are
 * counted by the store over the services a caller may read; the router
 * checks permissions and audits.
 */
export class CampaignService {
  private readonly configured: CampaignDefinition[];

  constructor(
    private readonly options: {
      store: DatabaseCampaignStore;
      analyzer: Pick<Analyzer, 'getRule'>;
      /** `alpineAdvisor.campaigns`. */
      configured: NewCampaign[];
      terms: ReportTerms;
      now?: () => Date;
    },
  ) {
    const today = utcDay(this.now());
    const seen = new Set<string>();
    this.configured = options.configured.map((input, index) => {
      try {
        const campaign = this.validate(input, today, 'config');
        if (seen.has(campaign.id)) {
          throw new InputError(`the id "${campaign.id}" is used twice`);
        }
        seen.add(campaign.id);
        return campaign;
      } catch (error) {
        throw new InputError(
          `alpineAdvisor.campaigns[${index}]: ${(error as Error).message}`,
        );
      }
    });
  }

  /** Every campaign, nearest deadline first. */
  async all(): Promise<CampaignDefinition[]> {
    const stored = (await this.options.store.list()).map(campaign =>
      this.withRules({ ...campaign, source: 'api' as const }),
    );
    return [...this.configured, ...stored].sort(
      (a, b) => compare(a.deadline, b.deadline) || compare(a.id, b.id),
    );
  }

  /** The campaign, or 404. */
  async get(id: string): Promise<CampaignDefinition> {
    const configured = this.configured.find(campaign => campaign.id === id);
    if (configured) return configured;
    const stored = await this.options.store.get(id);
    if (!stored) throw new NotFoundError(`No campaign ${clip(id)}`);
    return this.withRules({ ...stored, source: 'api' });
  }

  async list(visibility: EntityVisibility): Promise<CampaignList> {
    const campaigns = await this.all();
    return {
      items: await Promise.all(
        campaigns.map(campaign => this.standing(campaign, visibility)),
      ),
    };
  }

  /** Each owner's affected and total services, most affected first. */
  async owners(
    campaign: CampaignDefinition,
    visibility: EntityVisibility,
  ): Promise<CampaignProgress['owners']> {
    const rows = await this.options.store.owners(
      target(campaign),
      visibility,
      this.options.terms,
    );
    return rows.map(owner => ({
      owner: owner.owner ?? null,
      affectedCount: Number(owner.affected_count ?? 0),
      totalCount: Number(owner.total_count),
    }));
  }

  async progress(
    id: string,
    visibility: EntityVisibility,
  ): Promise<CampaignProgress> {
    const campaign = await this.get(id);
    const { store, terms } = this.options;
    const today = utcDay(this.now());
    const lastDay = campaign.deadline < today ? campaign.deadline : today;
    const [standing, days, owners] = await Promise.all([
      this.standing(campaign, visibility),
      campaign.startsOn <= lastDay
        ? store.burnDown(
            target(campaign),
            visibility,
            terms,
            campaign.startsOn,
            lastDay,
          )
        : [],
      this.owners(campaign, visibility),
    ]);
    return {
      ...standing,
      burnDown: days.map(point => ({
        day: point.day,
        scannedCount: Number(point.scanned_count),
        affectedCount: Number(point.affected_count ?? 0),
      })),
      owners,
    };
  }

  async create(input: NewCampaign, createdBy: string): Promise<Campaign> {
    const now = this.now();
    const campaign = this.validate(input, utcDay(now), 'api');
    if (
      this.configured.some(existing => existing.id === campaign.id) ||
      (await this.options.store.get(campaign.id))
    ) {
      throw new ConflictError(`A campaign ${campaign.id} exists already`);
    }
    campaign.createdBy = createdBy;
    campaign.createdAt = now;
    try {
      await this.options.store.insert(campaign);
    } catch (error) {
      // Two creations of one id at once: the primary key decides.
      if (await this.options.store.get(campaign.id)) {
        throw new ConflictError(`A campaign ${campaign.id} exists already`);
      }
      throw error;
    }
    return toApi(campaign);
  }

  async delete(id: string): Promise<void> {
    if (this.configured.some(campaign => campaign.id === id)) {
      throw new ConflictError(
        `Campaign ${id} is declared in app-config (alpineAdvisor.campaigns); remove it there`,
      );
    }
    if (!(await this.options.store.delete(id))) {
      throw new NotFoundError(`No campaign ${clip(id)}`);
    }
  }

  /** Today's counts, the state and the days left. */
  async standing(
    campaign: CampaignDefinition,
    visibility: EntityVisibility,
  ): Promise<CampaignStanding> {
    const row = await this.options.store.standing(
      target(campaign),
      visibility,
      this.options.terms,
    );
    const affectedCount = Number(row.affected_count ?? 0);
    const today = utcDay(this.now());
    return {
      campaign: toApi(campaign),
      state: stateOf(campaign, today, affectedCount),
      affectedCount,
      totalCount: Number(row.total_count),
      daysLeft: daysBetween(today, campaign.deadline),
    };
  }

  /** Checks and normalises a campaign from the API or app-config. */
  private validate(
    input: NewCampaign,
    today: string,
    source: CampaignDefinition['source'],
  ): CampaignDefinition {
    if (typeof input.id !== 'string' || !ID_PATTERN.test(input.id)) {
      throw new InputError(
        `A campaign id is 1 to 63 lower-case letters, digits and dashes, got "${clip(
          String(input.id),
        )}"`,
      );
    }
    const title = String(input.title ?? '').trim();
    if (title.length === 0 || title.length > 200) {
      throw new InputError(
        'A campaign needs a title of at most 200 characters',
      );
    }
    const rules = this.resolveRules(input);
    const deadline = day(input.deadline, 'deadline');
    const defaultStart =
      source === 'api' ? today : addDays(deadline, -DEFAULT_CONFIG_WINDOW_DAYS);
    const startsOn = input.startsOn
      ? day(input.startsOn, 'startsOn')
      : defaultStart;
    if (deadline < startsOn) {
      throw new InputError('The deadline must not be before startsOn');
    }
    if (daysBetween(startsOn, deadline) > MAX_WINDOW_DAYS) {
      throw new InputError(
        `A campaign may run at most ${MAX_WINDOW_DAYS} days from startsOn to its deadline`,
      );
    }
    if (source === 'api') {
      if (deadline < today) {
        throw new InputError('The deadline must not be in the past');
      }
      if (daysBetween(today, deadline) > MAX_DEADLINE_AHEAD_DAYS) {
        throw new InputError(
          `The deadline may be at most ${MAX_DEADLINE_AHEAD_DAYS} days ahead`,
        );
      }
    }
    const campaign: CampaignDefinition = {
      id: input.id,
      title,
      condition: input.condition,
      rules,
      scope: scopeOf(input.scope),
      startsOn,
      deadline,
      source,
    };
    const description = input.description?.trim();
    if (description) campaign.description = description;
    return campaign;
  }

  private resolveRules(input: NewCampaign): string[] {
    switch (input.condition) {
      case 'eol-alpine':
      case 'breaking-musl':
        if (input.rules !== undefined) {
          throw new InputError(
            `rules are only for the rules condition, not ${input.condition}`,
          );
        }
        return input.condition === 'eol-alpine' ? [EOL_ALPINE_RULE] : [];
      case 'rules': {
        if (!Array.isArray(input.rules) || input.rules.length === 0) {
          throw new InputError('The rules condition needs at least one rule');
        }
        const ids = input.rules.map(reference => {
          const rule = this.options.analyzer.getRule(String(reference).trim());
          if (!rule) throw new InputError(`Unknown rule "${clip(reference)}"`);
          return rule.id;
        });
        return [...new Set(ids)].sort();
      }
      default:
        throw new InputError(
          `The condition must be eol-alpine, breaking-musl or rules, got "${clip(
            String(input.condition),
          )}"`,
        );
    }
  }

  private withRules(campaign: CampaignDefinition): CampaignDefinition {
    return campaign.condition === 'eol-alpine'
      ? { ...campaign, rules: [EOL_ALPINE_RULE] }
      : campaign;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

export function toApi(campaign: CampaignDefinition): Campaign {
  const result: Campaign = {
    id: campaign.id,
    title: campaign.title,
    condition: campaign.condition,
    scope: campaign.scope,
    startsOn: campaign.startsOn,
    deadline: campaign.deadline,
    source: campaign.source,
  };
  if (campaign.description) result.description = campaign.description;
  if (campaign.condition === 'rules') result.rules = campaign.rules;
  if (campaign.createdBy) result.createdBy = campaign.createdBy;
  if (campaign.createdAt) result.createdAt = campaign.createdAt.toISOString();
  return result;
}

function target(campaign: CampaignDefinition): CampaignTarget {
  return {
    condition: campaign.condition,
    rules: campaign.rules,
    scope: campaign.scope,
  };
}

function stateOf(
  campaign: CampaignDefinition,
  today: string,
  affectedCount: number,
): CampaignState {
  if (today < campaign.startsOn) return 'upcoming';
  if (affectedCount === 0) return 'done';
  if (today > campaign.deadline) return 'overdue';
  return 'active';
}

function scopeOf(scope: CampaignScope | undefined): CampaignScope {
  const result: CampaignScope = {};
  for (const field of SCOPE_FIELDS) {
    const values = scope?.[field];
    if (values === undefined) continue;
    if (
      !Array.isArray(values) ||
      values.length > 50 ||
      values.some(
        value =>
          typeof value !== 'string' ||
          value.trim().length === 0 ||
          value.length > 512,
      )
    ) {
      throw new InputError(
        `scope.${field} must be a list of at most 50 non-empty names`,
      );
    }
    if (values.length > 0) result[field] = [...new Set(values)];
  }
  return result;
}

/** A `YYYY-MM-DD` that is a real day. */
function day(value: unknown, field: string): string {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) {
    throw new InputError(`${field} must be a day, YYYY-MM-DD`);
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || utcDay(parsed) !== value) {
    throw new InputError(`${field} is no day of the calendar: ${value}`);
  }
  return value;
}

function addDays(dayText: string, days: number): string {
  return utcDay(new Date(Date.parse(`${dayText}T00:00:00Z`) + days * DAY_MS));
}

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  );
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Echoes at most the start of what the caller sent. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
