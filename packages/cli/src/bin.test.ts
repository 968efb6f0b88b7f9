import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Report } from '@alpine-advisor/analyzer';
import { DOCKERFILES, makeTree } from './__testUtils__/runCli';

/*
 * The real executable, as CI runs it: the bin (re)builds the esbuild bundle
 * when the sources are newer, then runs it in a fresh Node process.
 */
const bin = path.resolve(__dirname, '..', 'bin', 'alpine-advisor');
const project = makeTree({
  'api/Dockerfile': DOCKERFILES.apkCache,
  'broken/Dockerfile': DOCKERFILES.broken,
  'configured/Dockerfile': DOCKERFILES.apkCache,
  'configured/.alpine-advisor.yaml': 'ignore: [hadolint:DL3019]\n',
  'misconfigured/Dockerfile': DOCKERFILES.apkCache,
  'misconfigured/.alpine-advisor.yaml': 'failOn: [\n',
});
afterAll(() => project.cleanup());

// The first run may build the bundle: seconds on a busy machine, outside any test's timeout.
beforeAll(() => {
  const warmUp = runBin(['--version']);
  if (warmUp.status !== 0) {
    throw new Error(`the bin did not start: ${warmUp.stderr}`);
  }
}, 180_000);

function runBin(args: string[], input?: string) {
  const env = { ...process.env };
  delete env.ALPINE_ADVISOR_CWD;
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: project.root,
    input,
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
}

describe('bin/alpine-advisor', () => {
  it('analyses a directory and exits 1 on an error finding', () => {
    const run = runBin(['--format', 'json', 'api', 'broken']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files.map(file => file.path)).toEqual([
      'api/Dockerfile',
      'broken/Dockerfile',
    ]);
  });

  it('reads standard input and exits 0 below the threshold', () => {
    const run = runBin(['--format', 'json', '-'], DOCKERFILES.apkCache);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files[0].findings.map(finding => finding.ruleId)).toContain(
      'apk-no-cache',
    );
  });

  it('reads config files, and reports a broken one with exit code 2', () => {
    const run = runBin(['--format', 'json', 'configured', 'misconfigured']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /misconfigured\/\.alpine-advisor\.yaml: invalid YAML/,
    );
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files.map(file => file.path)).toEqual([
      'configured/Dockerfile',
    ]);
    const ruleIds = report.files[0].findings.map(finding => finding.ruleId);
    expect(ruleIds).not.toContain('apk-no-cache');
  });

  it('exits 2 with a one-line message on a usage error', () => {
    const run = runBin(['--fail-on', 'sometimes', '.']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
