import { analyzeDockerfile } from '../analyze';
import type { AnalyzeOptions } from '../types';

const NOW = new Date('2026-06-01T00:00:00Z');
/** apk-no-cache twice, and a root user. */
const DOCKERFILE = [
  'FROM alpine:3.22',
  '# hadolint ignore=DL3019',
  'RUN apk add curl',
  'RUN apk add git',
  'CMD ["git"]',
  '',
].join('\n');

function analyse(options: AnalyzeOptions = {}) {
  return analyzeDockerfile(
    { path: 'Dockerfile', content: DOCKERFILE },
    { now: NOW, ...options },
  );
}

const count = (options: AnalyzeOptions, ruleId: string) =>
  analyse(options).findings.filter(finding => finding.ruleId === ruleId).length;

describe('suppressed counts (AnalyzeOptions.suppressionBaseline)', () => {
  it('are left out unless asked for, and the findings stay the same', () => {
    const plain = analyse({ config: { ignore: ['root-user'] } });
    expect(plain.suppressed).toBeUndefined();
    const counted = analyse({
      config: { ignore: ['root-user'] },
      suppressionBaseline: {},
    });
    expect(counted.findings).toEqual(plain.findings);
    expect(counted.score).toBe(plain.score);
  });

  it('count what a comment and the config silence', () => {
    expect(count({}, 'apk-no-cache')).toBe(1);
    expect(count({}, 'root-user')).toBe(1);
    const report = analyse({
      config: { ignore: ['root-user'] },
      suppressionBaseline: {},
    });
    expect(report.suppressed).toEqual({ config: 1, comment: 1 });
    const off = analyse({
      config: { severity: { 'apk-no-cache': 'off' } },
      suppressionBaseline: {},
    });
    // The comment's finding is dropped by the config first.
    expect(off.suppressed).toEqual({ config: 2, comment: 0 });
  });

  it('do not count what the baseline (the organisation) already silences', () => {
    const report = analyse({
      config: { ignore: ['root-user', 'apk-no-cache'] },
      suppressionBaseline: { ignore: ['root-user'] },
    });
    expect(report.suppressed).toEqual({ config: 2, comment: 0 });
    expect(
      analyse({
        config: { ignore: ['root-user'] },
        suppressionBaseline: { ignore: ['root-user'] },
      }).suppressed,
    ).toEqual({ config: 0, comment: 1 });
  });

  it('are absent when nothing was silenced', () => {
    const clean = analyzeDockerfile(
      { path: 'Dockerfile', content: 'FROM alpine:3.22\nUSER 1000\n' },
      { now: NOW, suppressionBaseline: {} },
    );
    expect(clean.suppressed).toBeUndefined();
  });
});
