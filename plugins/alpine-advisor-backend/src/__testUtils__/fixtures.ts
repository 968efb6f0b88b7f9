import type { FileReport, Finding } from '@alpine-advisor/analyzer';
import type { EntityMetadata } from '../catalog/entityMetadata';
import type { AnalysedDockerfile, ScanSuccess } from '../scanner/types';

/* Small builders for store and API tests; real analyses are covered by scanner tests. */

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'apk-no-cache',
    category: 'alpine',
    severity: 'warning',
    line: 3,
    endLine: 3,
    column: 1,
    message: 'apk add keeps its package cache',
    remediation: 'Add --no-cache',
    aliases: ['hadolint:DL3019'],
    ...overrides,
  };
}

export function fileReport(overrides: Partial<FileReport> = {}): FileReport {
  return {
    path: 'Dockerfile',
    score: 90,
    grade: 'A',
    findings: [],
    explanation: { summary: '100 - 10', deductions: [] },
    stages: [
      {
        index: 0,
        image: 'alpine:3.22',
        distro: 'alpine',
        libc: 'musl',
        alpineRelease: '3.22',
        line: 1,
        isFinal: true,
        copiesFrom: [],
      },
    ],
    usesAlpine: true,
    ...overrides,
  };
}

export function entityMetadata(
  name: string,
  overrides: Partial<EntityMetadata> = {},
): EntityMetadata {
  return {
    entityRef: `component:default/${name}`,
    kind: 'component',
    namespace: 'default',
    name,
    title: name.toUpperCase(),
    owner: 'group:default/team-a',
    system: 'system:default/checkout',
    domain: 'domain:default/commerce',
    lifecycle: 'production',
    type: 'service',
    ...overrides,
  };
}

export function scanSuccess(
  entityRef: string,
  files: AnalysedDockerfile[],
  overrides: Partial<ScanSuccess> = {},
): ScanSuccess {
  const worst = files.reduce(
    (lowest, file) => (file.score < lowest.score ? file : lowest),
    files[0] ?? fileReport(),
  );
  return {
    entityRef,
    sourceLocation: 'url:https://github.com/acme/repo/tree/main/',
    startedAt: new Date('2026-03-01T10:00:00Z'),
    durationMs: 120,
    trigger: 'schedule',
    revision: 'sha-1',
    analysisFingerprint: 'fp-1',
    files,
    service: {
      score: worst.score,
      grade: worst.grade,
      explanation: { summary: 'worst file', deductions: [] },
    },
    ...overrides,
  };
}
