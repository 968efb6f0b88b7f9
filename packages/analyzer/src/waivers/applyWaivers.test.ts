import { analyzeDockerfile } from '../analyze';
import type { AnalyzeOptions, FindingWaiver } from '../types';
import { findingFingerprint } from './findingFingerprint';

const NOW = new Date('2026-06-01T00:00:00Z');
const DOCKERFILE =
  'FROM alpine:3.22\nRUN apk add curl\nRUN apk add git\nUSER 10001\n';

function analyse(options: AnalyzeOptions = {}, content = DOCKERFILE) {
  return analyzeDockerfile(
    { path: 'app/Dockerfile', content },
    { now: NOW, ...options },
  );
}

const waiver = (overrides: Partial<FindingWaiver> = {}): FindingWaiver => ({
  id: 'w1',
  ruleId: 'apk-no-cache',
  expiresAt: '2026-06-02T00:00:00.000Z',
  ...overrides,
});

describe('waivers', () => {
  it('marks every finding of a waived rule and leaves it out of the score', () => {
    const plain = analyse();
    const waived = analyse({ waivers: [waiver()] });
    const marked = waived.findings.filter(f => f.ruleId === 'apk-no-cache');
    expect(marked).toHaveLength(2);
    for (const finding of marked) {
      expect(finding.waived).toEqual({
        waiverId: 'w1',
        expiresAt: '2026-06-02T00:00:00.000Z',
      });
    }
    expect(waived.score).toBeGreaterThan(plain.score);
    expect(waived.explanation.deductions.map(d => d.ruleId)).not.toContain(
      'apk-no-cache',
    );
  });

  it('stops applying at its expiry (the analysis clock decides)', () => {
    const options = { waivers: [waiver()] };
    const before = analyse({
      ...options,
      now: new Date('2026-06-01T23:59:59Z'),
    });
    const at = analyse({ ...options, now: new Date('2026-06-02T00:00:00Z') });
    expect(before.findings.some(f => f.waived)).toBe(true);
    expect(at.findings.some(f => f.waived)).toBe(false);
    expect(at.score).toBe(analyse().score);
  });

  it('waives one finding by its fingerprint, which survives a line added above', () => {
    const fingerprinted = analyse({ fingerprints: true }).findings.filter(
      f => f.ruleId === 'apk-no-cache',
    );
    const target = fingerprinted.find(f => f.line === 3)!;
    expect(target.fingerprint).toBe(
      findingFingerprint('app/Dockerfile', target, DOCKERFILE),
    );
    const shifted = DOCKERFILE.replace(
      'FROM alpine:3.22\n',
      'FROM alpine:3.22\nWORKDIR /app\n',
    );
    const report = analyse(
      { waivers: [waiver({ fingerprint: target.fingerprint })] },
      shifted,
    );
    const waived = report.findings.filter(f => f.waived);
    expect(waived.map(f => f.line)).toEqual([4]);
  });

  it('matches rules by alias, and never waives an enforced rule', () => {
    expect(
      analyse({
        waivers: [waiver({ ruleId: 'hadolint:DL3019' })],
      }).findings.some(f => f.waived),
    ).toBe(true);
    const enforced = analyse({
      waivers: [waiver()],
      enforcedRules: ['apk-no-cache'],
    });
    expect(enforced.findings.some(f => f.waived)).toBe(false);
    expect(enforced.score).toBe(analyse().score);
  });

  it('ignores waivers with an unreadable expiry, and other rules', () => {
    const report = analyse({
      waivers: [
        waiver({ expiresAt: 'not a date' }),
        waiver({ id: 'w2', ruleId: 'no-root-user' }),
      ],
    });
    expect(report.findings.some(f => f.waived)).toBe(false);
  });

  it('gives no fingerprints unless asked', () => {
    expect(analyse().findings.some(f => 'fingerprint' in f)).toBe(false);
  });
});
