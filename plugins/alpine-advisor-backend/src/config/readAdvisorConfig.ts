import type { Grade } from '@alpine-advisor/analyzer';
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
  rateLimitBackoffMs: number;
  compliance: { minimumGrade: Grade; allowMuslErrors: boolean };
  rules: {
    ignore?: string[];
    severity?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  };
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 50 },
  initialDelay: { seconds: 30 },
  scope: 'global',
};

const GRADES = ['A', 'B', 'C', 'D', 'F'];
const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'];

/** Reads and checks `alpineAdvisor`; throws naming the bad key. */
export function readAdvisorConfig(root: RootConfigService): AdvisorSettings {
  const config = root.getOptionalConfig('alpineAdvisor');
  return {
    schedule: readSchedule(config),
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
  };
}

function readSchedule(
  config: Config | undefined,
): SchedulerServiceTaskScheduleDefinition {
  if (!config?.has('schedule')) {
    return DEFAULT_SCHEDULE;
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
