import type {
  Analyzer,
  Grade,
  KnowledgeOverrides,
} from '@alpine-advisor/analyzer';
import { ConfigError, parseKnowledge } from '@alpine-advisor/analyzer';
import type {
  CampaignScope,
  NewCampaign,
} from '@alpine-advisor/backstage-plugin-common';
import { DEFAULT_RELEASES_URL } from '../knowledge/releaseSource';
import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { availableParallelism } from 'node:os';

/** The plugin's settings, read once from `alpineAdvisor` (see config.d.ts). */
export interface AdvisorSettings {
  schedule: SchedulerServiceTaskScheduleDefinition;
  concurrency: number;
  analysisWorkers: number;
  entityTimeoutMs: number;
  catalogFilter: EntityFilterQuery;
  catalogPageSize: number;
  allowedDirectories: string[];
  retentionDays: number;
  rescanIntervalMs: number;
  /** Largest image-report request body, bytes (`imageReports.maxBytes`). */
  imageReportMaxBytes: number;
  rateLimitBackoffMs: number;
  compliance: { minimumGrade: Grade; allowMuslErrors: boolean };
  rules: {
    ignore?: string[];
    severity?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  };
  waivers: {
    maxDays: number;
    requireApproval: boolean;
    expiringSoonDays: number;
  };
  /** `alpineAdvisor.campaigns`, as written (checked by CampaignService at start-up). */
  campaigns: NewCampaign[];
  campaignNotices: { enabled: boolean; daysBefore: number[] };
  /** Rescans on push events (`alpineAdvisor.events`). */
  events: {
    enabled: boolean;
    concurrency: number;
    minimumIntervalMs: number;
    pollIntervalMs: number;
    deduplicationWindowMs: number;
  };
  /** `alpineAdvisor.rules.enforce`, as written (resolved against the rule catalog by `resolveEnforcedRules`). */
  enforcedRules: string[];
  knowledge: {
    /** Releases and images from `alpineAdvisor.knowledge`, validated by the analyzer's loader. */
    overrides?: KnowledgeOverrides;
    /** Undefined when `alpineAdvisor.knowledge.refresh.enabled` is false. */
    refresh?: {
      url: string;
      timeoutMs: number;
      schedule: SchedulerServiceTaskScheduleDefinition;
    };
  };
}

const DEFAULT_KNOWLEDGE_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { days: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 20 },
  scope: 'global',
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 50 },
  initialDelay: { seconds: 30 },
  scope: 'global',
};

/** With push events on, the sweep is the safety net: once a day. */
const DEFAULT_SCHEDULE_WITH_EVENTS: SchedulerServiceTaskScheduleDefinition = {
  ...DEFAULT_SCHEDULE,
  frequency: { days: 1 },
};

const GRADES = ['A', 'B', 'C', 'D', 'F'];
const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'];

/** Reads and checks `alpineAdvisor`; throws naming the bad key. */
export function readAdvisorConfig(root: RootConfigService): AdvisorSettings {
  const config = root.getOptionalConfig('alpineAdvisor');
  const events = readEvents(config);
  return {
    schedule: readSchedule(config, events.enabled),
    concurrency: positiveInteger(config, 'concurrency', 8),
    analysisWorkers: analysisWorkers(config),
    entityTimeoutMs: durationMs(config, 'entityTimeout', { seconds: 60 }),
    catalogFilter: readCatalogFilter(config),
    catalogPageSize: positiveInteger(config, 'catalogPageSize', 250),
    allowedDirectories:
      config?.getOptionalStringArray('localSources.allowedDirectories') ?? [],
    retentionDays: positiveInteger(config, 'retention.days', 365),
    rescanIntervalMs: durationMs(config, 'rescan.minimumInterval', {
      minutes: 1,
    }),
    imageReportMaxBytes: positiveInteger(
      config,
      'imageReports.maxBytes',
      2 * 1024 * 1024,
    ),
    rateLimitBackoffMs: durationMs(config, 'rateLimitBackoff', { minutes: 15 }),
    compliance: {
      minimumGrade: oneOf(
        config,
        'compliance.minimumGrade',
        GRADES,
        'B',
      ) as Grade,
      allowMuslErrors:
        config?.getOptionalBoolean('compliance.allowMuslErrors') ?? false,
    },
    rules: readRules(config),
    enforcedRules: config?.getOptionalStringArray('rules.enforce') ?? [],
    waivers: {
      maxDays: positiveInteger(config, 'waivers.maxDays', 90),
      requireApproval:
        config?.getOptionalBoolean('waivers.requireApproval') ?? false,
      expiringSoonDays: positiveInteger(config, 'waivers.expiringSoonDays', 14),
    },
    knowledge: readKnowledge(config),
    campaigns: readCampaigns(config),
    campaignNotices: readCampaignNotices(config),
    events,
  };
}

const CAMPAIGN_CONDITIONS = ['eol-alpine', 'breaking-musl', 'rules'];

function readCampaigns(config: Config | undefined): NewCampaign[] {
  return (config?.getOptionalConfigArray('campaigns') ?? []).map(
    (campaign, index) => {
      const key = `alpineAdvisor.campaigns[${index}]`;
      const scopeConfig = campaign.getOptionalConfig('scope');
      const scope: CampaignScope = {};
      for (const field of ['owner', 'system', 'domain', 'lifecycle'] as const) {
        const values = scopeConfig?.getOptionalStringArray(field);
        if (values) scope[field] = values;
      }
      const condition = campaign.getString('condition');
      if (!CAMPAIGN_CONDITIONS.includes(condition)) {
        throw new InputError(
          `${key}.condition must be one of ${CAMPAIGN_CONDITIONS.join(
            ', ',
          )}, got "${condition}"`,
        );
      }
      const result: NewCampaign = {
        id: campaign.getString('id'),
        title: campaign.getString('title'),
        condition: condition as NewCampaign['condition'],
        scope,
        deadline: campaign.getString('deadline'),
      };
      const description = campaign.getOptionalString('description');
      if (description !== undefined) result.description = description;
      const rules = campaign.getOptionalStringArray('rules');
      if (rules !== undefined) result.rules = rules;
      const startsOn = campaign.getOptionalString('startsOn');
      if (startsOn !== undefined) result.startsOn = startsOn;
      return result;
    },
  );
}

function readCampaignNotices(
  config: Config | undefined,
): AdvisorSettings['campaignNotices'] {
  const notices = config?.getOptionalConfig('campaignNotices');
  const raw = notices?.getOptional('daysBefore') ?? [14, 3];
  const daysBefore = Array.isArray(raw) ? raw : [raw];
  if (
    daysBefore.some(
      days => typeof days !== 'number' || !Number.isInteger(days) || days < 0,
    )
  ) {
    throw new InputError(
      'alpineAdvisor.campaignNotices.daysBefore must be whole numbers of days, 0 or more',
    );
  }
  return {
    enabled: notices?.getOptionalBoolean('enabled') ?? true,
    daysBefore: [...new Set(daysBefore as number[])].sort((a, b) => b - a),
  };
}

function readEvents(config: Config | undefined): AdvisorSettings['events'] {
  return {
    enabled: config?.getOptionalBoolean('events.enabled') ?? false,
    concurrency: positiveInteger(config, 'events.concurrency', 4),
    minimumIntervalMs: durationMs(config, 'events.minimumInterval', {
      seconds: 15,
    }),
    pollIntervalMs: durationMs(config, 'events.pollInterval', { seconds: 5 }),
    deduplicationWindowMs: durationMs(config, 'events.deduplicationWindow', {
      days: 14,
    }),
  };
}

function readKnowledge(
  config: Config | undefined,
): AdvisorSettings['knowledge'] {
  const knowledge = config?.getOptionalConfig('knowledge');
  const { refresh: _refresh, ...data } =
    (knowledge?.get() as Record<string, unknown> | undefined) ?? {};
  let overrides: KnowledgeOverrides | undefined;
  if (Object.keys(data).length > 0) {
    try {
      overrides = {
        source: 'app-config alpineAdvisor.knowledge',
        ...parseKnowledge(data, 'alpineAdvisor.knowledge'),
      };
    } catch (error) {
      if (error instanceof ConfigError) throw new InputError(error.message);
      throw error;
    }
  }
  const refreshConfig = knowledge?.getOptionalConfig('refresh');
  if (refreshConfig?.getOptionalBoolean('enabled') === false) {
    return { overrides };
  }
  const url = refreshConfig?.getOptionalString('url') ?? DEFAULT_RELEASES_URL;
  if (!/^https?:\/\//.test(url)) {
    throw new InputError(
      `alpineAdvisor.knowledge.refresh.url must be an http(s) URL, got "${url}"`,
    );
  }
  const schedule = refreshConfig?.has('schedule')
    ? {
        ...readSchedulerServiceTaskScheduleDefinitionFromConfig(
          refreshConfig.getConfig('schedule'),
        ),
        scope: 'global' as const,
      }
    : DEFAULT_KNOWLEDGE_SCHEDULE;
  return {
    overrides,
    refresh: {
      url,
      timeoutMs: durationMs(refreshConfig, 'requestTimeout', { seconds: 30 }),
      schedule,
    },
  };
}

function readSchedule(
  config: Config | undefined,
  eventsEnabled: boolean,
): SchedulerServiceTaskScheduleDefinition {
  if (!config?.has('schedule')) {
    return eventsEnabled ? DEFAULT_SCHEDULE_WITH_EVENTS : DEFAULT_SCHEDULE;
  }
  const schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
    config.getConfig('schedule'),
  );
  // One sweep at a time across replicas, whatever the config says.
  return { ...schedule, scope: 'global' };
}

function readCatalogFilter(config: Config | undefined): EntityFilterQuery {
  const filter = config?.getOptional('catalogFilter');
  if (filter === undefined) {
    return { kind: 'Component' };
  }
  const records = Array.isArray(filter) ? filter : [filter];
  const valid = records.every(
    record =>
      record !== null &&
      typeof record === 'object' &&
      !Array.isArray(record) &&
      Object.values(record).every(
        value =>
          typeof value === 'string' ||
          (Array.isArray(value) &&
            value.every(item => typeof item === 'string')),
      ),
  );
  if (!valid || records.length === 0) {
    throw new InputError(
      'alpineAdvisor.catalogFilter must be a record of field: value (or a list of them), values strings or lists of strings',
    );
  }
  return filter as EntityFilterQuery;
}

/**
 * The enforced rules by their ids (aliases resolved, duplicates dropped,
 * sorted); an id the analyzer does not know stops the backend, as an unknown
 * id in `rules.ignore` does.
 */
export function resolveEnforcedRules(
  analyzer: Pick<Analyzer, 'getRule'>,
  references: readonly string[],
): string[] {
  const ids = references.map(reference => {
    const rule = analyzer.getRule(reference.trim());
    if (!rule) {
      throw new InputError(
        `alpineAdvisor.rules.enforce names an unknown rule "${reference}"`,
      );
    }
    return rule.id;
  });
  return [...new Set(ids)].sort();
}

function readRules(config: Config | undefined): AdvisorSettings['rules'] {
  const rules: AdvisorSettings['rules'] = {};
  const ignore = config?.getOptionalStringArray('rules.ignore');
  if (ignore) {
    rules.ignore = ignore;
  }
  const severityConfig = config?.getOptionalConfig('rules.severity');
  if (severityConfig) {
    rules.severity = Object.fromEntries(
      severityConfig
        .keys()
        .map(key => [
          key,
          oneOf(
            severityConfig,
            key,
            SEVERITY_SETTINGS,
            'warning',
            'alpineAdvisor.rules.severity.',
          ),
        ]),
    ) as AdvisorSettings['rules']['severity'];
  }
  return rules;
}

/** Default: one worker per spare core, at most four; 0 analyses on the event loop. */
function analysisWorkers(config: Config | undefined): number {
  const value = config?.getOptionalNumber('analysisWorkers');
  if (value === undefined) {
    return Math.max(1, Math.min(4, availableParallelism() - 1));
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new InputError(
      `alpineAdvisor.analysisWorkers must be 0 or a positive integer, got ${value}`,
    );
  }
  return value;
}

function positiveInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `alpineAdvisor.${key} must be a positive integer, got ${value}`,
    );
  }
  return value;
}

function durationMs(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): number {
  if (!config?.has(key)) {
    return durationToMilliseconds(fallback);
  }
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

function oneOf(
  config: Config | undefined,
  key: string,
  allowed: string[],
  fallback: string,
  prefix = 'alpineAdvisor.',
): string {
  const value = config?.getOptionalString(key);
  if (value === undefined) {
    return fallback;
  }
  if (!allowed.includes(value)) {
    throw new InputError(
      `${prefix}${key} must be one of ${allowed.join(', ')}, got "${value}"`,
    );
  }
  return value;
}
