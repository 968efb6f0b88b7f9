import { analyzeDockerfile } from '../analyze';
import { createAnalyzer } from '../createAnalyzer';
import type { AnalyzeOptions, Finding } from '../types';
import { EnforcedRules, isDowngrade } from './enforcedRules';

const NOW = new Date('2026-06-01T00:00:00Z');
const DOCKERFILE = 'FROM alpine:3.22\nRUN apk add curl\n';

function analyse(content: string, options: AnalyzeOptions = {}): Finding[] {
  return analyzeDockerfile(
    { path: 'Dockerfile', content },
    { now: NOW, ...options },
  ).findings;
}

function apkNoCache(findings: Finding[]): Finding | undefined {
  return findings.find(finding => finding.ruleId === 'apk-no-cache');
}

describe('enforced rules', () => {
  it('marks the findings of an enforced rule, and leaves other findings alone', () => {
    const findings = analyse(DOCKERFILE, { enforcedRules: ['apk-no-cache'] });
    expect(apkNoCache(findings)).toMatchObject({
      severity: 'warning',
      enforced: true,
    });
    expect(apkNoCache(findings)?.suppressionAttempts).toBeUndefined();
    expect(
      findings.filter(f => f.ruleId !== 'apk-no-cache' && f.enforced),
    ).toEqual([]);
  });

  it('without enforcement, the findings carry no enforcement fields', () => {
    const finding = apkNoCache(analyse(DOCKERFILE));
    expect(finding).toBeDefined();
    expect('enforced' in finding!).toBe(false);
    expect('suppressionAttempts' in finding!).toBe(false);
  });

  it('the config cannot ignore an enforced rule, and the attempt shows', () => {
    const ignored = { config: { ignore: ['apk-no-cache'] } };
    expect(apkNoCache(analyse(DOCKERFILE, ignored))).toBeUndefined();
    const finding = apkNoCache(
      analyse(DOCKERFILE, { ...ignored, enforcedRules: ['apk-no-cache'] }),
    );
    expect(finding).toMatchObject({
      severity: 'warning',
      enforced: true,
      suppressionAttempts: [{ via: 'config', requested: 'off' }],
    });
  });

  it('the config cannot turn an enforced rule off or downgrade it', () => {
    for (const requested of ['off', 'info'] as const) {
      const finding = apkNoCache(
        analyse(DOCKERFILE, {
          config: { severity: { 'apk-no-cache': requested } },
          enforcedRules: ['apk-no-cache'],
        }),
      );
      expect(finding).toMatchObject({
        severity: 'warning',
        suppressionAttempts: [{ via: 'config', requested }],
      });
    }
  });

  it('the config may still raise an enforced rule', () => {
    const finding = apkNoCache(
      analyse(DOCKERFILE, {
        config: { severity: { 'apk-no-cache': 'error' } },
        enforcedRules: ['apk-no-cache'],
      }),
    );
    expect(finding).toMatchObject({ severity: 'error', enforced: true });
    expect(finding?.suppressionAttempts).toBeUndefined();
  });

  it('an enforced rule can be named by an alias, and ignored by one', () => {
    const finding = apkNoCache(
      analyse(DOCKERFILE, {
        config: { ignore: ['hadolint:DL3019'] },
        enforcedRules: ['DL3019'],
      }),
    );
    expect(finding).toMatchObject({
      enforced: true,
      suppressionAttempts: [{ via: 'config', requested: 'off' }],
    });
  });

  it.each([
    ['# alpine-advisor ignore=apk-no-cache', 'alpine-advisor'],
    ['# hadolint ignore=DL3019', 'hadolint'],
    ['# trivy:ignore:DS-0025', 'trivy'],
  ])(
    'an inline comment (%s) cannot suppress an enforced finding',
    (comment, syntax) => {
      const content = `FROM alpine:3.22\n${comment}\nRUN apk add curl\n`;
      expect(apkNoCache(analyse(content))).toBeUndefined();
      const finding = apkNoCache(
        analyse(content, { enforcedRules: ['apk-no-cache'] }),
      );
      expect(finding).toMatchObject({
        line: 3,
        enforced: true,
        suppressionAttempts: [{ via: 'comment', line: 2, syntax }],
      });
    },
  );

  it('a global comment and the config are both recorded, in pipeline order', () => {
    const content =
      '# alpine-advisor global ignore=apk-no-cache\nFROM alpine:3.22\nRUN apk add curl\n';
    const finding = apkNoCache(
      analyse(content, {
        config: { ignore: ['apk-no-cache'] },
        enforcedRules: ['apk-no-cache'],
      }),
    );
    expect(finding?.suppressionAttempts).toEqual([
      { via: 'config', requested: 'off' },
      { via: 'comment', line: 1, syntax: 'alpine-advisor' },
    ]);
  });

  it('an enforced finding costs points as any other finding', () => {
    const report = (options: AnalyzeOptions) =>
      analyzeDockerfile({ path: 'Dockerfile', content: DOCKERFILE }, options);
    const plain = report({ now: NOW });
    const attempted = report({
      now: NOW,
      config: { ignore: ['apk-no-cache'] },
      enforcedRules: ['apk-no-cache'],
    });
    expect(attempted.score).toBe(plain.score);
    const ignored = report({ now: NOW, config: { ignore: ['apk-no-cache'] } });
    expect(ignored.score).toBeGreaterThan(attempted.score);
  });

  it('unknown or blank enforced ids change nothing', () => {
    expect(
      analyse(DOCKERFILE, { enforcedRules: ['no-such-rule', ' '] }),
    ).toEqual(analyse(DOCKERFILE));
  });

  it('applies to rules added through createAnalyzer', () => {
    const analyzer = createAnalyzer();
    const finding = analyzer
      .analyzeDockerfile(
        { path: 'Dockerfile', content: DOCKERFILE },
        {
          now: NOW,
          config: { ignore: ['apk-no-cache'] },
          enforcedRules: ['apk-no-cache'],
        },
      )
      .findings.find(f => f.ruleId === 'apk-no-cache');
    expect(finding?.enforced).toBe(true);
  });
});

describe('EnforcedRules', () => {
  it('compares references in their normalized spelling', () => {
    const rules = new EnforcedRules(['AVD-DS-0025', 'Apk-Unpinned']);
    expect(rules.covers(['apk-no-cache', 'trivy:DS-0025'])).toBe(true);
    expect(rules.covers(['apk-unpinned'])).toBe(true);
    expect(rules.covers(['no-root-user'])).toBe(false);
  });

  it('knows a downgrade', () => {
    expect(isDowngrade('warning', 'info')).toBe(true);
    expect(isDowngrade('warning', 'off')).toBe(true);
    expect(isDowngrade('warning', 'warning')).toBe(false);
    expect(isDowngrade('info', 'error')).toBe(false);
  });
});
