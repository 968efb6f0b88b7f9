import {
  analyzeDockerfile,
  analyzeFiles,
  getRule,
  listRules,
  REPORT_VERSION,
} from './index';

const NOW = new Date('2026-11-28T12:00:00Z');

function ruleIds(content: string, options = {}) {
  return analyzeDockerfile(
    { path: 'Dockerfile', content },
    { now: NOW, ...options },
  ).findings.map(f => f.ruleId);
}

describe('analyzeDockerfile', () => {
  it('summarizes stages, their libc and the edges between them', () => {
    const report = analyzeDockerfile(
      {
        path: 'Dockerfile',
        content:
          'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.12\nCOPY --from=build /out/app /app\nUSER 10001\nCMD ["/app"]\n',
      },
      { now: NOW },
    );
    expect(report.usesAlpine).toBe(true);
    expect(report.stages).toEqual([
      expect.objectContaining({
        index: 0,
        name: 'build',
        image: 'golang:1.22',
        distro: 'debian',
        libc: 'glibc',
        isFinal: false,
        line: 1,
      }),
      expect.objectContaining({
        index: 1,
        image: 'alpine:3.12',
        distro: 'alpine',
        libc: 'musl',
        alpineRelease: '3.12',
        endOfLife: true,
        isFinal: true,
        copiesFrom: [
          {
            source: 'build',
            sourceLibc: 'glibc',
            paths: ['/out/app'],
            line: 4,
            crossesLibc: true,
          },
        ],
      }),
    ]);
  });

  it('reports findings with the JSON contract fields, sorted by line', () => {
    const report = analyzeDockerfile(
      { path: 'x/Dockerfile', content: 'FROM alpine:3.22\nRUN apk add curl\n' },
      { now: NOW },
    );
    const apk = report.findings.find(f => f.ruleId === 'apk-no-cache')!;
    expect(apk).toEqual({
      ruleId: 'apk-no-cache',
      category: 'alpine',
      severity: 'warning',
      line: 2,
      endLine: 2,
      column: 5,
      message: expect.stringContaining('--no-cache'),
      remediation: expect.any(String),
      aliases: ['hadolint:DL3019', 'trivy:DS-0025'],
      fix: {
        description: 'Add --no-cache to apk add',
        edits: [
          {
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 12,
            text: ' --no-cache',
          },
        ],
      },
    });
    const lines = report.findings.map(f => f.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(report.score).toBeLessThan(100);
    expect(report.explanation.deductions.length).toBeGreaterThan(0);
  });

  it('says when no stage is Alpine and runs no Alpine rule there', () => {
    const ids = ruleIds(
      'FROM debian:12\nRUN apk add curl && apt-get update\nUSER app\n',
    );
    expect(ids).toContain('no-alpine-stage');
    expect(ids).not.toContain('apk-no-cache');
  });

  it('honours hadolint, trivy and our own suppression comments through aliases', () => {
    const base = 'FROM alpine:3.22\nUSER app\n';
    expect(ruleIds(`${base}RUN apk add curl\n`)).toContain('apk-no-cache');
    expect(
      ruleIds(`${base}# hadolint ignore=DL3019\nRUN apk add curl\n`),
    ).not.toContain('apk-no-cache');
    expect(
      ruleIds(`${base}# trivy:ignore:DS-0025\nRUN apk add curl\n`),
    ).not.toContain('apk-no-cache');
    expect(
      ruleIds(
        `# alpine-advisor global ignore=apk-no-cache\n${base}RUN apk add curl\n`,
      ),
    ).not.toContain('apk-no-cache');
  });

  it('applies the config: off rules are not run, severities are rewritten', () => {
    const content = 'FROM alpine:3.22\nRUN apk add curl\n';
    expect(
      ruleIds(content, { config: { severity: { 'apk-no-cache': 'off' } } }),
    ).not.toContain('apk-no-cache');
    expect(
      ruleIds(content, { config: { ignore: ['hadolint:DL3019'] } }),
    ).not.toContain('apk-no-cache');
    const report = analyzeDockerfile(
      { path: 'D', content },
      { config: { severity: { 'apk-no-cache': 'error' } } },
    );
    expect(
      report.findings.find(f => f.ruleId === 'apk-no-cache')?.severity,
    ).toBe('error');
  });

  it('turns unparseable input into findings instead of throwing', () => {
    expect(ruleIds('')).toEqual(['parse-error']);
    expect(ruleIds('FROM alpine:3.22\nRUN <<EOF\napk add curl\n')).toContain(
      'parse-error',
    );
    expect(analyzeDockerfile({ path: 'D', content: 'RUN x\n' }).grade).toBe(
      'F',
    );
  });

  it('uses the injected clock for end-of-life decisions', () => {
    const content = 'FROM alpine:3.21\nUSER app\n';
    expect(ruleIds(content, { now: new Date('2026-06-01') })).not.toContain(
      'alpine-eol',
    );
    expect(ruleIds(content, { now: new Date('2026-12-01') })).toContain(
      'alpine-eol',
    );
  });
});

describe('analyzeFiles', () => {
  it('wraps several files in a versioned report', () => {
    const report = analyzeFiles([
      { path: 'a/Dockerfile', content: 'FROM debian:12\n' },
      {
        path: 'b/Dockerfile',
        content: new TextEncoder().encode('FROM alpine:3.22\n'),
      },
    ]);
    expect(report.version).toBe(REPORT_VERSION);
    expect(report.files.map(file => [file.path, file.usesAlpine])).toEqual([
      ['a/Dockerfile', false],
      ['b/Dockerfile', true],
    ]);
  });
});

describe('rule catalog', () => {
  it('lists every rule with its docs and finds rules by id or alias', () => {
    const rules = listRules();
    expect(rules.length).toBeGreaterThanOrEqual(23);
    for (const rule of rules) expect(rule.docs).toContain(`# ${rule.id}`);
    expect(getRule('apk-no-cache')?.id).toBe('apk-no-cache');
    expect(getRule('hadolint:DL3019')?.id).toBe('apk-no-cache');
    expect(getRule('HADOLINT:dl3019')?.id).toBe('apk-no-cache');
    expect(getRule('no-such-rule')).toBeUndefined();
  });
});
