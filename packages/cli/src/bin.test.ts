import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '@alpine-advisor/analyzer';
import { DOCKERFILES, makeTree } from './__testUtils__/runCli';

/*
 * The real executable, as a user of the published package runs it: the bin
 * runs the prebuilt bundle in a fresh Node process. The repository's
 * launcher (scripts/dev-bin.cjs) builds that bundle first when the sources
 * are newer.
 */
const packageDir = path.resolve(__dirname, '..');
const bin = path.join(packageDir, 'bin', 'alpine-advisor');
const devBin = path.join(packageDir, 'scripts', 'dev-bin.cjs');
const project = makeTree({
  'api/Dockerfile': DOCKERFILES.apkCache,
  'broken/Dockerfile': DOCKERFILES.broken,
  'configured/Dockerfile': DOCKERFILES.apkCache,
  'configured/.alpine-advisor.yaml': 'ignore: [hadolint:DL3019]\n',
  'misconfigured/Dockerfile': DOCKERFILES.apkCache,
  'misconfigured/.alpine-advisor.yaml': 'failOn: [\n',
});
afterAll(() => project.cleanup());

// Building the bundle takes seconds on a busy machine: outside any test's timeout.
beforeAll(() => {
  const build = spawnSync(process.execPath, [devBin, '--version'], {
    encoding: 'utf8',
    timeout: 170_000,
  });
  if (build.status !== 0) {
    throw new Error(`the bundle was not built: ${build.stderr}`);
  }
}, 180_000);

function runBin(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: project.root,
    input,
    encoding: 'utf8',
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

  it('is published with the prebuilt bundle and without the repository launcher', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
    ) as { files: string[]; bin: Record<string, string> };
    expect(manifest.bin['alpine-advisor']).toBe('bin/alpine-advisor');
    // The bundle and the lazily loaded parser beside it, nothing else of dist/.
    expect(manifest.files).toEqual([
      'bin',
      'dist/alpine-advisor.cjs',
      'dist/vendor/*.js',
    ]);
    // The bin loads Node built-ins and the bundle, nothing that builds one.
    const required = [
      ...readFileSync(bin, 'utf8').matchAll(
        /require(?:\.resolve)?\(([^)]*)\)/g,
      ),
    ].map(match => match[1]);
    expect(required).toEqual([
      "'path'",
      "'module'",
      'bundlePath',
      'bundlePath',
    ]);
  });

  it('says what is missing when the bundle was never built, with exit code 2', () => {
    const unbuilt = makeTree({ 'README.md': 'no dist here\n' });
    try {
      mkdirSync(path.join(unbuilt.root, 'bin'));
      copyFileSync(bin, path.join(unbuilt.root, 'bin', 'alpine-advisor'));
      const run = spawnSync(
        process.execPath,
        [path.join(unbuilt.root, 'bin', 'alpine-advisor'), '--version'],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/dist[\\/]alpine-advisor\.cjs is missing/);
    } finally {
      unbuilt.cleanup();
    }
  });
});
