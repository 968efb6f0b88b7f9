import type { JsonValue } from '@backstage/types';
import { mockServices } from '@backstage/backend-test-utils';
import { availableParallelism } from 'node:os';
import { createAnalyzer } from '@alpine-advisor/analyzer';
import { readAdvisorConfig, resolveEnforcedRules } from './readAdvisorConfig';

function read(alpineAdvisor: JsonValue) {
  return readAdvisorConfig(
    mockServices.rootConfig({ data: { alpineAdvisor } }),
  );
}

describe('readAdvisorConfig', () => {
  it('has defaults for everything', () => {
    expect(readAdvisorConfig(mockServices.rootConfig())).toEqual({
      schedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 50 },
        initialDelay: { seconds: 30 },
        scope: 'global',
      },
      concurrency: 8,
      analysisWorkers: Math.max(1, Math.min(4, availableParallelism() - 1)),
      entityTimeoutMs: 60_000,
      catalogFilter: { kind: 'Component' },
      catalogPageSize: 250,
      allowedDirectories: [],
      retentionDays: 365,
      rescanIntervalMs: 60_000,
      imageReportMaxBytes: 2 * 1024 * 1024,
      rateLimitBackoffMs: 900_000,
      compliance: { minimumGrade: 'B', allowMuslErrors: false },
      rules: {},
      enforcedRules: [],
      waivers: { maxDays: 90, requireApproval: false, expiringSoonDays: 14 },
      campaigns: [],
      campaignNotices: { enabled: true, daysBefore: [14, 3] },
      events: {
        enabled: false,
        concurrency: 4,
        minimumIntervalMs: 15_000,
        pollIntervalMs: 5_000,
        deduplicationWindowMs: 14 * 86_400_000,
      },
      knowledge: {
        overrides: undefined,
        refresh: {
          url: 'https://alpinelinux.org/releases.json',
          timeoutMs: 30_000,
          schedule: {
            frequency: { days: 1 },
            timeout: { minutes: 10 },
            initialDelay: { seconds: 20 },
            scope: 'global',
          },
        },
      },
    });
  });

  it('reads every key', () => {
    const settings = read({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 4 },
        initialDelay: { seconds: 3 },
        scope: 'local',
      },
      concurrency: 4,
      analysisWorkers: 0,
      entityTimeout: '2m',
      catalogFilter: [
        { kind: 'Component', 'spec.type': 'service' },
        { kind: 'Resource' },
      ],
      catalogPageSize: 100,
      localSources: { allowedDirectories: ['../../examples'] },
      retention: { days: 30 },
      rescan: { minimumInterval: { seconds: 10 } },
      imageReports: { maxBytes: 65536 },
      rateLimitBackoff: 'PT5M',
      compliance: { minimumGrade: 'A', allowMuslErrors: true },
      rules: {
        ignore: ['apk-unpinned'],
        severity: { 'root-user': 'off', 'hadolint:DL3019': 'error' },
        enforce: ['musl-dns-search', 'hadolint:DL3019'],
      },
      waivers: { maxDays: 30, requireApproval: true, expiringSoonDays: 7 },
      events: {
        enabled: true,
        concurrency: 2,
        minimumInterval: '30s',
        pollInterval: { seconds: 2 },
        deduplicationWindow: { days: 3 },
      },
      knowledge: {
        releases: [{ version: '3.25', endOfLife: '2028-11-01' }],
        images: [
          { image: 'registry.acme.io/base/node:22', alpineRelease: '3.23' },
        ],
        refresh: {
          url: 'http://releases.internal/alpine.json',
          requestTimeout: '5s',
          schedule: { frequency: { hours: 6 }, timeout: { minutes: 1 } },
        },
      },
    });
    expect(settings).toEqual({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 4 },
        initialDelay: { seconds: 3 },
        scope: 'global',
      },
      concurrency: 4,
      analysisWorkers: 0,
      entityTimeoutMs: 120_000,
      catalogFilter: [
        { kind: 'Component', 'spec.type': 'service' },
        { kind: 'Resource' },
      ],
      catalogPageSize: 100,
      allowedDirectories: ['../../examples'],
      retentionDays: 30,
      rescanIntervalMs: 10_000,
      imageReportMaxBytes: 65536,
      rateLimitBackoffMs: 300_000,
      compliance: { minimumGrade: 'A', allowMuslErrors: true },
      rules: {
        ignore: ['apk-unpinned'],
        severity: { 'root-user': 'off', 'hadolint:DL3019': 'error' },
      },
      enforcedRules: ['musl-dns-search', 'hadolint:DL3019'],
      waivers: { maxDays: 30, requireApproval: true, expiringSoonDays: 7 },
      campaigns: [],
      campaignNotices: { enabled: true, daysBefore: [14, 3] },
      events: {
        enabled: true,
        concurrency: 2,
        minimumIntervalMs: 30_000,
        pollIntervalMs: 2_000,
        deduplicationWindowMs: 3 * 86_400_000,
      },
      knowledge: {
        overrides: {
          source: 'app-config alpineAdvisor.knowledge',
          releases: [{ version: '3.25', endOfLife: '2028-11-01' }],
          images: [
            { image: 'registry.acme.io/base/node:22', alpineRelease: '3.23' },
          ],
        },
        refresh: {
          url: 'http://releases.internal/alpine.json',
          timeoutMs: 5_000,
          schedule: {
            frequency: { hours: 6 },
            timeout: { minutes: 1 },
            scope: 'global',
          },
        },
      },
    });
  });

  it('sweeps daily by default once push events are on, as the configured schedule says otherwise', () => {
    expect(read({ events: { enabled: true } }).schedule).toEqual({
      frequency: { days: 1 },
      timeout: { minutes: 50 },
      initialDelay: { seconds: 30 },
      scope: 'global',
    });
    expect(
      read({
        events: { enabled: true },
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 4 } },
      }).schedule,
    ).toMatchObject({ frequency: { minutes: 5 } });
    expect(() => read({ events: { concurrency: 0 } })).toThrow(
      'alpineAdvisor.events.concurrency must be a positive integer, got 0',
    );
  });

  it('turns the refresh off', () => {
    expect(
      read({ knowledge: { refresh: { enabled: false } } }).knowledge,
    ).toEqual({ overrides: undefined });
  });

  it.each([
    [
      { concurrency: 0 },
      /alpineAdvisor.concurrency must be a positive integer/,
    ],
    [
      { compliance: { minimumGrade: 'E' } },
      /alpineAdvisor.compliance.minimumGrade must be one of A, B, C, D, F/,
    ],
    [
      { rules: { severity: { 'apk-no-cache': 'fatal' } } },
      /alpineAdvisor.rules.severity.apk-no-cache must be one of/,
    ],
    [{ catalogFilter: { kind: 3 } }, /alpineAdvisor.catalogFilter must be/],
    [
      { knowledge: { releases: [{ version: 3.25, endOfLife: '2028-11-01' }] } },
      /alpineAdvisor.knowledge: releases\[0\].version: expected a string/,
    ],
    [
      { knowledge: { refresh: { url: 'ftp://x' } } },
      /alpineAdvisor.knowledge.refresh.url must be an http\(s\) URL/,
    ],
  ])('refuses %p', (alpineAdvisor, message) => {
    expect(() => read(alpineAdvisor)).toThrow(message);
  });
});

describe('resolveEnforcedRules', () => {
  const analyzer = createAnalyzer();

  it('resolves aliases to rule ids, once each, sorted', () => {
    expect(
      resolveEnforcedRules(analyzer, [
        'hadolint:DL3019',
        'apk-no-cache',
        'trivy:DS-0025',
        'base-image-latest',
      ]),
    ).toEqual(['apk-no-cache', 'base-image-latest']);
  });

  it('stops at an unknown rule, naming it', () => {
    expect(() => resolveEnforcedRules(analyzer, ['no-such-rule'])).toThrow(
      /alpineAdvisor.rules.enforce names an unknown rule "no-such-rule"/,
    );
  });

  it('reads enforce from app-config as written', () => {
    expect(
      read({ rules: { enforce: ['apk-no-cache'] } }).enforcedRules,
    ).toEqual(['apk-no-cache']);
  });
});
