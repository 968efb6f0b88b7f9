import fs from 'node:fs';
import path from 'node:path';
import type { Report } from '@alpine-advisor/analyzer';
import { DOCKERFILES, makeTree, runCli } from '../__testUtils__/runCli';

const cleanups: Array<() => void> = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const { root, cleanup } = makeTree(files);
  cleanups.push(cleanup);
  return root;
}
afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

function parseReport(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

function ruleIds(report: Report, filePath: string): string[] {
  const file = report.files.find(candidate => candidate.path === filePath);
  if (!file) throw new Error(`${filePath} is not in the report`);
  return file.findings.map(finding => finding.ruleId);
}

describe('exit codes', () => {
  it('exits 0 when nothing reaches the default threshold (error)', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.apkCache });
    const run = await runCli(['Dockerfile'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('exits 1 when an error-severity finding exists', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.broken });
    const run = await runCli(['--format', 'json', 'Dockerfile'], { cwd });
    expect(ruleIds(parseReport(run.stdout), 'Dockerfile')).toContain(
      'parse-error',
    );
    expect(run.code).toBe(1);
  });

  it('lowers the threshold with --fail-on warning', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.apkCache });
    expect(
      (await runCli(['--fail-on', 'warning', 'Dockerfile'], { cwd })).code,
    ).toBe(1);
    expect(
      (await runCli(['--fail-on', 'info', 'Dockerfile'], { cwd })).code,
    ).toBe(1);
  });

  it('never fails on findings with --fail-on none', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.broken });
    expect(
      (await runCli(['--fail-on', 'none', 'Dockerfile'], { cwd })).code,
    ).toBe(0);
  });

  it('takes failOn from the config unless --fail-on is given', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.apkCache,
      '.alpine-advisor.yaml': 'failOn: warning\n',
    });
    expect((await runCli(['Dockerfile'], { cwd })).code).toBe(1);
    expect(
      (await runCli(['--fail-on', 'error', 'Dockerfile'], { cwd })).code,
    ).toBe(0);
  });

  it('exits 2 on an unknown option, with the message on stderr', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.clean });
    const run = await runCli(['--frobnicate', 'Dockerfile'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--frobnicate'/);
  });

  it('exits 2 on an invalid --format or --fail-on value', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.clean });
    const format = await runCli(['--format', 'xml', 'Dockerfile'], { cwd });
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(
      /Allowed choices are tty, json, sarif, markdown/,
    );
    expect(
      (await runCli(['--fail-on', 'fatal', 'Dockerfile'], { cwd })).code,
    ).toBe(2);
  });

  it('exits 2 when no input is given', async () => {
    const cwd = tree({});
    const run = await runCli([], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no input/);
  });

  it('exits 2 for a missing file but still reports the others', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.broken });
    const run = await runCli(
      ['--format', 'json', 'missing/Dockerfile', 'Dockerfile'],
      {
        cwd,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'missing/Dockerfile: no such file or directory',
    );
    expect(parseReport(run.stdout).files.map(file => file.path)).toEqual([
      'Dockerfile',
    ]);
  });

  it('exits 2 when --fix and --fix-dry-run are combined', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.apkCache });
    const run = await runCli(['--fix', '--fix-dry-run', 'Dockerfile'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be used with/);
  });

  it('exits 0 with help and version on stdout', async () => {
    const cwd = tree({});
    const help = await runCli(['--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /Usage: alpine-advisor \[options\] \[paths\.\.\.\]/,
    );
    expect(help.stdout).toMatch(/Exit codes:/);
    const version = await runCli(['--version'], { cwd });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('configuration', () => {
  it('finds .alpine-advisor.yaml upward from each Dockerfile', async () => {
    const cwd = tree({
      'services/api/Dockerfile': DOCKERFILES.apkCache,
      'services/.alpine-advisor.yaml': 'ignore: [apk-no-cache]\n',
      Dockerfile: DOCKERFILES.apkCache,
    });
    const run = await runCli(['--format', 'json', '.'], { cwd });
    const report = parseReport(run.stdout);
    expect(ruleIds(report, 'Dockerfile')).toContain('apk-no-cache');
    expect(ruleIds(report, 'services/api/Dockerfile')).not.toContain(
      'apk-no-cache',
    );
  });

  it('applies per-path overrides relative to the config file', async () => {
    const cwd = tree({
      '.alpine-advisor.yaml': [
        'overrides:',
        '  - files: ["legacy/**"]',
        '    severity:',
        '      apk-no-cache: error',
        '',
      ].join('\n'),
      'legacy/Dockerfile': DOCKERFILES.apkCache,
      'app/Dockerfile': DOCKERFILES.apkCache,
    });
    const run = await runCli(['--format', 'json', '.'], { cwd });
    const report = parseReport(run.stdout);
    const severityIn = (filePath: string) =>
      report.files
        .find(file => file.path === filePath)!
        .findings.find(finding => finding.ruleId === 'apk-no-cache')?.severity;
    expect(severityIn('legacy/Dockerfile')).toBe('error');
    expect(severityIn('app/Dockerfile')).toBe('warning');
    expect(run.code).toBe(1);
  });

  it('uses --config instead of searching', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.apkCache,
      '.alpine-advisor.yaml': 'ignore: [apk-no-cache]\n',
      'ci/strict.yaml': 'failOn: warning\n',
    });
    const run = await runCli(
      ['--config', 'ci/strict.yaml', '--format', 'json', 'Dockerfile'],
      {
        cwd,
      },
    );
    expect(ruleIds(parseReport(run.stdout), 'Dockerfile')).toContain(
      'apk-no-cache',
    );
    expect(run.code).toBe(1);
  });

  it('exits 2 naming the file and the key of an invalid config', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.clean,
      '.alpine-advisor.yaml': 'failOn: loud\n',
    });
    const run = await runCli(['Dockerfile'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.alpine-advisor\.yaml: failOn: /);
  });

  it('reports an unknown rule in the config as a config error', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.clean,
      '.alpine-advisor.yaml': 'ignore: [no-such-rule]\n',
    });
    const run = await runCli(['Dockerfile'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /\.alpine-advisor\.yaml: ignore\[0\]: .*no-such-rule/,
    );
  });

  it('keeps analysing files governed by a valid config when another is broken', async () => {
    const cwd = tree({
      'good/Dockerfile': DOCKERFILES.apkCache,
      'bad/Dockerfile': DOCKERFILES.apkCache,
      'bad/Dockerfile.dev': DOCKERFILES.apkCache,
      'bad/.alpine-advisor.yaml': 'severity: [1, 2]\n',
    });
    const run = await runCli(['--format', 'json', 'good', 'bad'], { cwd });
    expect(run.code).toBe(2);
    // Reported once, not once per Dockerfile it governs.
    expect(
      run.stderr.match(/bad\/\.alpine-advisor\.yaml: severity/g),
    ).toHaveLength(1);
    expect(parseReport(run.stdout).files.map(file => file.path)).toEqual([
      'good/Dockerfile',
    ]);
  });

  it('exits 2 when --config names a missing file', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.clean });
    const run = await runCli(['--config', 'nope.yaml', 'Dockerfile'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /nope\.yaml: cannot read config file: no such file/,
    );
  });
});

describe('--ignore', () => {
  it('drops the named rules, also by alias and comma list, over the config', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.apkCache,
      '.alpine-advisor.yaml': 'severity:\n  apk-no-cache: error\n',
    });
    const byId = await runCli(
      ['--format', 'json', '--ignore', 'apk-no-cache', 'Dockerfile'],
      {
        cwd,
      },
    );
    expect(ruleIds(parseReport(byId.stdout), 'Dockerfile')).not.toContain(
      'apk-no-cache',
    );
    expect(byId.code).toBe(0);
    const byAlias = await runCli(
      [
        '--format',
        'json',
        '--ignore',
        'root-user,hadolint:DL3019',
        'Dockerfile',
      ],
      { cwd },
    );
    expect(ruleIds(parseReport(byAlias.stdout), 'Dockerfile')).not.toContain(
      'apk-no-cache',
    );
  });

  it('exits 2 for an unknown rule', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.clean });
    const run = await runCli(['--ignore', 'no-such-rule', 'Dockerfile'], {
      cwd,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--ignore: unknown rule "no-such-rule"/);
  });
});

describe('inputs', () => {
  it('reads standard input for -', async () => {
    const cwd = tree({});
    const run = await runCli(['--format', 'json', '-'], {
      cwd,
      stdin: DOCKERFILES.apkCache,
    });
    const report = parseReport(run.stdout);
    expect(report.files).toHaveLength(1);
    expect(report.files[0].path).toBe('-');
    expect(ruleIds(report, '-')).toContain('apk-no-cache');
  });

  it('names stdin and finds its config with --stdin-filename', async () => {
    const cwd = tree({
      'svc/.alpine-advisor.yaml': 'ignore: [apk-no-cache]\n',
    });
    const run = await runCli(
      ['--format', 'json', '--stdin-filename', 'svc/Dockerfile', '-'],
      { cwd, stdin: DOCKERFILES.apkCache },
    );
    const report = parseReport(run.stdout);
    expect(report.files[0].path).toBe('svc/Dockerfile');
    expect(ruleIds(report, 'svc/Dockerfile')).not.toContain('apk-no-cache');
  });

  it('searches directories for every Dockerfile naming convention', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.clean,
      'a/Dockerfile.prod': DOCKERFILES.clean,
      'a/b/api.Dockerfile': DOCKERFILES.clean,
      'a/b/worker.dockerfile': DOCKERFILES.clean,
      'c/Containerfile': DOCKERFILES.clean,
      'c/Dockerfile-notes.txt': 'not a Dockerfile',
      'c/README.md': '# no',
      'node_modules/pkg/Dockerfile': DOCKERFILES.broken,
      '.git/Dockerfile': DOCKERFILES.broken,
      'vendor/lib/Dockerfile': DOCKERFILES.broken,
    });
    const run = await runCli(['--format', 'json', '.'], { cwd });
    expect(
      parseReport(run.stdout)
        .files.map(file => file.path)
        .sort(),
    ).toEqual([
      'Dockerfile',
      'a/Dockerfile.prod',
      'a/b/api.Dockerfile',
      'a/b/worker.dockerfile',
      'c/Containerfile',
    ]);
    expect(run.code).toBe(0);
  });

  it('analyses a file named explicitly whatever its name, once', async () => {
    const cwd = tree({ 'build/recipe.txt': DOCKERFILES.apkCache });
    const run = await runCli(
      ['--format', 'json', 'build/recipe.txt', './build/recipe.txt'],
      { cwd },
    );
    expect(parseReport(run.stdout).files.map(file => file.path)).toEqual([
      'build/recipe.txt',
    ]);
  });

  it('skips files found by name whose text is not a Dockerfile, and says so', async () => {
    const cwd = tree({
      'api/Dockerfile': DOCKERFILES.apkCache,
      'tools/dockerfile.go': 'package dockerfile\n\nfunc Parse() {}\n',
      'eng/Dockerfile.linux':
        'ARG REPO=mcr.microsoft.com/dotnet/runtime-deps\n{{InsertTemplate("Dockerfile.envs")}}\nFROM $REPO\n',
      'eng/Dockerfile.install': 'RUN apk add --no-cache icu-libs\n',
    });
    const run = await runCli(['--format', 'json', '--fail-on', 'none', '.'], {
      cwd,
    });
    expect(parseReport(run.stdout).files.map(file => file.path)).toEqual([
      'api/Dockerfile',
    ]);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'alpine-advisor: skipped eng/Dockerfile.install: a fragment without FROM, to be put into a Dockerfile elsewhere, not one to build (name the file to analyse it anyway)',
      'alpine-advisor: skipped eng/Dockerfile.linux: a template ({{ … }} or {% … %}) to be rendered into a Dockerfile, not one yet (name the file to analyse it anyway)',
      'alpine-advisor: skipped tools/dockerfile.go: not Dockerfile syntax: its first line is "package dockerfile" (name the file to analyse it anyway)',
    ]);
    expect(run.code).toBe(0);

    // Named, it is analysed whatever it reads as.
    const named = await runCli(
      ['--format', 'json', '--fail-on', 'none', 'eng/Dockerfile.install'],
      { cwd },
    );
    expect(
      parseReport(named.stdout).files[0].findings.map(f => f.ruleId),
    ).toContain('parse-error');
  });

  it('exits 2 when a directory holds only files that are not Dockerfiles', async () => {
    const cwd = tree({ 'tools/dockerfile.go': 'package dockerfile\n' });
    const run = await runCli(['tools'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /skipped tools\/dockerfile.go: not Dockerfile syntax/,
    );
    expect(run.stderr).toMatch(/no Dockerfile found in tools/);
  });

  it('exits 2 when the directories hold no Dockerfile', async () => {
    const cwd = tree({ 'docs/README.md': '# docs' });
    const run = await runCli(['docs'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no Dockerfile found in docs/);
  });

  it('reports binary content as a finding, not a crash', async () => {
    const cwd = tree({
      Dockerfile: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff]),
    });
    const run = await runCli(['--format', 'json', 'Dockerfile'], { cwd });
    const report = parseReport(run.stdout);
    expect(report.files[0].findings.length).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
  });
});

describe('--output', () => {
  it('writes the report to the file and nothing to stdout', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.apkCache });
    const run = await runCli(
      ['--format', 'json', '--output', 'out/report.json', 'Dockerfile'],
      { cwd },
    );
    // The directory must exist: the CLI does not create folders.
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/out\/report\.json: cannot write report/);
    // Nothing is lost: the report went to stdout instead.
    expect(parseReport(run.stdout).files).toHaveLength(1);

    fs.mkdirSync(path.join(cwd, 'out'));
    const written = await runCli(
      ['--format', 'json', '--output', 'out/report.json', 'Dockerfile'],
      { cwd },
    );
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    const report = parseReport(
      fs.readFileSync(path.join(cwd, 'out/report.json'), 'utf8'),
    );
    expect(report.version).toBe(1);
  });
});
