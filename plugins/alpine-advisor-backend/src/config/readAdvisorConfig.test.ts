import type { JsonValue } from '@backstage/types';
import { mockServices } from '@backstage/backend-test-utils';
import { availableParallelism } from 'node:os';
import { readAdvisorConfig } from './readAdvisorConfig';

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
      rateLimitBackoffMs: 900_000,
      compliance: { minimumGrade: 'B', allowMuslErrors: false },
      rules: {},
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
      rateLimitBackoff: 'PT5M',
      compliance: { minimumGrade: 'A', allowMuslErrors: true },
      rules: {
        ignore: ['apk-unpinned'],
        severity: { 'root-user': 'off', 'hadolint:DL3019': 'error' },
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
      rateLimitBackoffMs: 300_000,
      compliance: { minimumGrade: 'A', allowMuslErrors: true },
      rules: {
        ignore: ['apk-unpinned'],
        severity: { 'root-user': 'off', 'hadolint:DL3019': 'error' },
      },
    });
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
  ])('refuses %p', (alpineAdvisor, message) => {
    expect(() => read(alpineAdvisor)).toThrow(message);
  });
});
