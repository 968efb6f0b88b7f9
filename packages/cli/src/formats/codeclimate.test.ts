import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { hostileContext, HOSTILE_TEXT } from '../__testUtils__/formatContexts';
import { readSchema } from '../__testUtils__/publishedSchemas';
import { DOCKERFILES, makeTree, runCli } from '../__testUtils__/runCli';
import { CodeClimateIssue, formatCodeClimate } from './codeclimate';

const ajv = new Ajv({ allErrors: true, strict: false });
/** What GitLab checks each issue against before keeping it (others are dropped silently). */
const gitlabAccepts = ajv.compile(
  JSON.parse(readSchema('gitlab-codeclimate.json')),
);
/** The whole report as GitLab's docs and the Code Climate spec describe it. */
const documentedReport = ajv.compile(
  JSON.parse(readSchema('code-quality-report.schema.json')),
);

function expectValidReport(text: string): CodeClimateIssue[] {
  // GitLab's parser refuses a byte order mark.
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  const issues = JSON.parse(text) as CodeClimateIssue[];
  documentedReport(issues);
  expect(documentedReport.errors ?? []).toEqual([]);
  for (const issue of issues) {
    gitlabAccepts(issue);
    expect(gitlabAccepts.errors ?? []).toEqual([]);
  }
  return issues;
}

const cleanups: Array<() => void> = [];
function tree(files: Record<string, string>): string {
  const made = makeTree(files);
  cleanups.push(made.cleanup);
  return made.root;
}
afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

async function codeClimateOf(args: string[], cwd: string) {
  const run = await runCli(['--format', 'codeclimate', ...args], { cwd });
  return { ...run, issues: expectValidReport(run.stdout) };
}

/** A Dockerfile with two findings of the same rule on identical lines, and others. */
const TWICE_UNCACHED = [
  'FROM alpine:3.22',
  'RUN apk add curl',
  'RUN apk add curl',
  'USER 65534',
  'CMD ["/bin/true"]',
  '',
].join('\n');

describe('codeclimate format (GitLab Code Quality)', () => {
  it("is valid against GitLab's issue schema and the documented report format", async () => {
    const cwd = tree({
      'api/Dockerfile': DOCKERFILES.apkCache,
      'broken/Dockerfile': DOCKERFILES.broken,
      'clean/Dockerfile': DOCKERFILES.clean,
    });
    const { issues, code } = await codeClimateOf(['.'], cwd);
    expect(code).toBe(1);
    expect(issues.length).toBeGreaterThan(1);
    const apkNoCache = issues.find(
      issue => issue.check_name === 'apk-no-cache',
    )!;
    expect(apkNoCache).toMatchObject({
      type: 'issue',
      severity: 'major',
      categories: ['Performance'],
      location: { path: 'api/Dockerfile', lines: { begin: 2, end: 2 } },
    });
    expect(apkNoCache.content.body).toMatch(/^\*\*How to fix:\*\* /);
    const parseError = issues.find(
      issue => issue.check_name === 'parse-error',
    )!;
    expect(parseError.severity).toBe('critical');
  });

  it('writes an empty array when there is nothing to report', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.clean });
    const { issues, code, stdout } = await codeClimateOf(['.'], cwd);
    expect(code).toBe(0);
    expect(issues).toEqual([]);
    expect(stdout).toBe('[]\n');
  });

  it('maps info findings to info and musl errors to bug risks', async () => {
    const cwd = tree({
      Dockerfile: 'FROM debian:bookworm\nUSER 1000\nCMD ["true"]\n',
      'musl/Dockerfile': [
        'FROM golang:1.22 AS build',
        'RUN go build -o /app .',
        'FROM alpine:3.22',
        'COPY --from=build /app /app',
        'USER 65534',
        'CMD ["/app"]',
        '',
      ].join('\n'),
    });
    const { issues } = await codeClimateOf(['.'], cwd);
    const info = issues.find(issue => issue.check_name === 'no-alpine-stage')!;
    expect(info.severity).toBe('info');
    expect(info.categories).toEqual(['Style']);
    const musl = issues.find(
      issue => issue.check_name === 'go-cgo-glibc-into-alpine',
    )!;
    expect(musl.severity).toBe('critical');
    expect(musl.categories).toEqual(['Compatibility', 'Bug Risk']);
  });

  it('gives every issue its own fingerprint, identical findings included', async () => {
    const cwd = tree({ 'api/Dockerfile': TWICE_UNCACHED });
    const { issues } = await codeClimateOf(['.'], cwd);
    const uncached = issues.filter(
      issue => issue.check_name === 'apk-no-cache',
    );
    expect(uncached).toHaveLength(2);
    const fingerprints = issues.map(issue => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    for (const fingerprint of fingerprints) {
      expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('keeps fingerprints across runs and when lines are added above a finding', async () => {
    const cwd = tree({ 'api/Dockerfile': TWICE_UNCACHED });
    const first = await codeClimateOf(['.'], cwd);
    const again = await codeClimateOf(['.'], cwd);
    expect(again.issues).toEqual(first.issues);

    fs.writeFileSync(
      path.join(cwd, 'api', 'Dockerfile'),
      ['# syntax=docker/dockerfile:1', '# a comment', '', TWICE_UNCACHED].join(
        '\n',
      ),
    );
    const shifted = await codeClimateOf(['.'], cwd);
    const byRule = (issues: CodeClimateIssue[]) =>
      issues.map(issue => [issue.check_name, issue.fingerprint]);
    expect(byRule(shifted.issues)).toEqual(byRule(first.issues));
    expect(shifted.issues[0].location.lines.begin).toBe(
      first.issues[0].location.lines.begin + 3,
    );
  });

  it('changes the fingerprint when the offending line changes', async () => {
    const cwd = tree({ 'api/Dockerfile': DOCKERFILES.apkCache });
    const before = await codeClimateOf(['.'], cwd);
    fs.writeFileSync(
      path.join(cwd, 'api', 'Dockerfile'),
      DOCKERFILES.apkCache.replace('apk add curl', 'apk add curl jq'),
    );
    const after = await codeClimateOf(['.'], cwd);
    const fingerprintOf = (issues: CodeClimateIssue[]) =>
      issues.find(issue => issue.check_name === 'apk-no-cache')!.fingerprint;
    expect(fingerprintOf(after.issues)).not.toBe(fingerprintOf(before.issues));
  });

  it('writes paths relative to the repository root when run in a subdirectory', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'services/api/Dockerfile': DOCKERFILES.apkCache,
    });
    const { issues } = await codeClimateOf(
      ['api'],
      path.join(root, 'services'),
    );
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.location.path).toBe('services/api/Dockerfile');
    }
  });

  it('keeps the fingerprint when the same repository is linted from another directory', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'services/api/Dockerfile': DOCKERFILES.apkCache,
    });
    const fromRoot = await codeClimateOf(['services'], root);
    const fromSubdirectory = await codeClimateOf(
      ['api'],
      path.join(root, 'services'),
    );
    expect(fromSubdirectory.issues).toEqual(fromRoot.issues);
  });

  it('keeps descriptions on one line and hostile text intact', () => {
    const issues = expectValidReport(formatCodeClimate(hostileContext()));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.description).toBe(
        `${issue.check_name}: ${HOSTILE_TEXT.replace(/\s*[\r\n]+\s*/g, ' ')}`,
      );
      expect(issue.content.body).toContain(HOSTILE_TEXT);
    }
  });

  it('exits like every other format', async () => {
    const cwd = tree({ 'api/Dockerfile': DOCKERFILES.apkCache });
    expect((await codeClimateOf(['.'], cwd)).code).toBe(0);
    expect((await codeClimateOf(['--fail-on', 'warning', '.'], cwd)).code).toBe(
      1,
    );
    const missing = await codeClimateOf(['api', 'missing'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing/);
  });
});
