import type { Report } from '@alpine-advisor/analyzer';
import type { Log } from 'sarif';
import { makeTree, runCli } from '../__testUtils__/runCli';

const cleanups: Array<() => void> = [];
function tree(files: Record<string, string>): string {
  const { root, cleanup } = makeTree(files);
  cleanups.push(cleanup);
  return root;
}
afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

const INTERNAL =
  'FROM registry.acme.io/base/node:22\nRUN apk add --no-cache curl\n';
const NEXT_BRANCH = 'FROM alpine:3.25\n';
const KNOWLEDGE = [
  'asOf: 2027-01-10',
  'releases:',
  "  - version: '3.25'",
  '    released: 2026-12-03',
  '    endOfLife: 2028-11-01',
  'images:',
  '  - image: registry.acme.io/base/node:22',
  "    alpineRelease: '3.23'",
  '',
].join('\n');

function fileOf(report: Report, path: string) {
  return report.files.find(file => file.path === path)!;
}

describe('--knowledge FILE', () => {
  it('adds releases and internal images to the bundled knowledge', async () => {
    const cwd = tree({
      'internal/Dockerfile': INTERNAL,
      'next/Dockerfile': NEXT_BRANCH,
      'knowledge.yaml': KNOWLEDGE,
    });
    const bundled = JSON.parse(
      (await runCli(['--format', 'json', '.'], { cwd })).stdout,
    ) as Report;
    // Without the entry, apk tells the stage is Alpine but not which release.
    const internalStage = fileOf(bundled, 'internal/Dockerfile').stages[0];
    expect(internalStage.distro).toBe('alpine');
    expect(internalStage.alpineRelease).toBeUndefined();
    expect(
      fileOf(bundled, 'next/Dockerfile').findings.map(f => f.ruleId),
    ).toContain('alpine-release-unknown');
    expect(bundled.knowledge?.origin).toBe('bundled');

    const run = await runCli(
      ['--format', 'json', '--knowledge', 'knowledge.yaml', '.'],
      { cwd },
    );
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(fileOf(report, 'internal/Dockerfile').stages[0]).toMatchObject({
      distro: 'alpine',
      alpineRelease: '3.23',
    });
    expect(
      fileOf(report, 'next/Dockerfile').findings.map(f => f.ruleId),
    ).not.toContain('alpine-release-unknown');
    expect(report.knowledge).toMatchObject({
      version: expect.stringMatching(/^2027-01-10\+overrides\.[0-9a-f]{8}$/),
      origin: 'overridden',
      releasesAsOf: '2027-01-10',
    });
    expect(fileOf(report, 'next/Dockerfile').knowledge).toEqual(
      report.knowledge,
    );
  });

  it('stops with exit 2 and names the key when the file is invalid', async () => {
    const cwd = tree({
      Dockerfile: NEXT_BRANCH,
      'knowledge.yaml':
        'releases:\n  - version: 3.25\n    endOfLife: 2028-11-01\n',
    });
    const run = await runCli(['--knowledge', 'knowledge.yaml', 'Dockerfile'], {
      cwd,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'knowledge.yaml: releases[0].version: expected a string, got a number',
    );
    expect(run.stdout).toBe('');
  });

  it('says so when the file cannot be read', async () => {
    const cwd = tree({ Dockerfile: NEXT_BRANCH });
    const run = await runCli(['--knowledge', 'missing.yaml', 'Dockerfile'], {
      cwd,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.yaml: cannot read knowledge file');
  });
});

describe('knowledge: in .alpine-advisor.yaml', () => {
  it('layers over --knowledge for the files it governs', async () => {
    const cwd = tree({
      'svc/Dockerfile': INTERNAL,
      'svc/.alpine-advisor.yaml':
        "knowledge:\n  images:\n    - image: registry.acme.io/base/node:22\n      alpineRelease: '3.18'\n",
      'knowledge.yaml': KNOWLEDGE,
    });
    const report = JSON.parse(
      (
        await runCli(
          ['--format', 'json', '--knowledge', 'knowledge.yaml', '.'],
          { cwd },
        )
      ).stdout,
    ) as Report;
    const file = fileOf(report, 'svc/Dockerfile');
    expect(file.stages[0].alpineRelease).toBe('3.18');
    expect(file.findings.map(f => f.ruleId)).toContain('alpine-eol');
    expect(file.knowledge?.version).not.toBe(report.knowledge?.version);
  });
});

describe('the knowledge version in reports', () => {
  it('is printed under the tty report', async () => {
    const cwd = tree({ Dockerfile: 'FROM alpine:3.24\n' });
    const run = await runCli(['Dockerfile'], { cwd });
    expect(run.stdout).toMatch(
      /knowledge \d{4}-\d{2}-\d{2}\+bundled \(Alpine releases as of \d{4}-\d{2}-\d{2}\)\n$/,
    );
  });

  it('names config-made versions in the tty footer', async () => {
    const cwd = tree({
      'svc/Dockerfile': INTERNAL,
      'svc/.alpine-advisor.yaml':
        "knowledge:\n  images:\n    - image: registry.acme.io/base/node:22\n      alpineRelease: '3.23'\n",
    });
    const run = await runCli(['.'], { cwd });
    expect(run.stdout).toMatch(
      /\+bundled \(Alpine releases as of [\d-]+\); [\d-]+\+overrides\.[0-9a-f]{8} \(1 file, from config\)\n$/,
    );
  });

  it('closes the Markdown report', async () => {
    const cwd = tree({ Dockerfile: 'FROM alpine:3.24\n' });
    const run = await runCli(['--format', 'markdown', 'Dockerfile'], { cwd });
    expect(run.stdout).toMatch(
      /<sub>Knowledge \d{4}-\d{2}-\d{2}\+bundled \(Alpine releases as of \d{4}-\d{2}-\d{2}\)<\/sub>\n$/,
    );
  });

  it('is a property of the SARIF tool driver', async () => {
    const cwd = tree({
      Dockerfile: 'FROM alpine:3.24\n',
      'k.json':
        '{"asOf":"2027-02-01","releases":[{"version":"3.25","endOfLife":"2028-11-01"}]}',
    });
    const log = JSON.parse(
      (
        await runCli(
          ['--format', 'sarif', '--knowledge', 'k.json', 'Dockerfile'],
          {
            cwd,
          },
        )
      ).stdout,
    ) as Log;
    expect(log.runs[0].tool.driver.properties).toEqual({
      knowledgeVersion: expect.stringMatching(/^2027-02-01\+overrides\./),
      knowledgeAsOf: '2027-02-01',
      knowledgeOrigin: 'overridden',
      alpineReleasesAsOf: '2027-02-01',
    });
  });
});
