import type { Finding, Severity } from '../types';
import { applyConfig } from './applyConfig';

function finding(
  ruleId: string,
  severity: Severity,
  aliases: string[] = [],
): Finding {
  return {
    ruleId,
    category: 'alpine',
    severity,
    line: 1,
    endLine: 1,
    column: 1,
    message: ruleId,
    remediation: '',
    aliases,
  };
}

const findings = [
  finding('apk-no-cache', 'warning', ['hadolint:DL3019', 'trivy:DS-0025']),
  finding('apk-unpinned', 'info', ['hadolint:DL3018']),
  finding('no-root-user', 'warning', ['hadolint:DL3002']),
];

const summary = (result: Finding[]) =>
  result.map(f => `${f.ruleId}:${f.severity}`);

describe('applyConfig', () => {
  it('returns the findings untouched for an empty config', () => {
    expect(applyConfig(findings, {})).toBe(findings);
  });

  it('drops ignored rules and rules set to off', () => {
    expect(
      summary(
        applyConfig(findings, {
          ignore: ['apk-no-cache'],
          severity: { 'no-root-user': 'off' },
        }),
      ),
    ).toEqual(['apk-unpinned:info']);
  });

  it('rewrites severities without mutating the input', () => {
    const result = applyConfig(findings, {
      severity: { 'apk-unpinned': 'error', 'no-root-user': 'info' },
    });
    expect(summary(result)).toEqual([
      'apk-no-cache:warning',
      'apk-unpinned:error',
      'no-root-user:info',
    ]);
    expect(findings[1].severity).toBe('info');
    expect(result[0]).toBe(findings[0]);
  });

  it('matches rules by alias, in any accepted spelling', () => {
    expect(
      summary(
        applyConfig(findings, {
          ignore: ['DL3019'],
          severity: { 'AVD-DS-9999': 'error', DL3002: 'info' },
        }),
      ),
    ).toEqual(['apk-unpinned:info', 'no-root-user:info']);
  });

  it('prefers the rule id over an alias', () => {
    expect(
      summary(
        applyConfig([findings[0]], {
          severity: { 'apk-no-cache': 'error', 'hadolint:DL3019': 'info' },
        }),
      ),
    ).toEqual(['apk-no-cache:error']);
  });

  it('lets ignore win over a severity for the same rule', () => {
    expect(
      applyConfig([findings[0]], {
        ignore: ['apk-no-cache'],
        severity: { 'apk-no-cache': 'error' },
      }),
    ).toEqual([]);
  });

  it('does not read per-path overrides', () => {
    expect(
      applyConfig(findings, {
        overrides: [{ files: ['**'], ignore: ['apk-no-cache'] }],
      }),
    ).toHaveLength(3);
  });
});
