import type { Report } from '@alpine-advisor/analyzer';
import { DOCKERFILES, makeTree, runCli } from '../__testUtils__/runCli';

const cleanups: Array<() => void> = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const { root, cleanup } = makeTree(files);
  cleanups.push(cleanup);
  return root;
}
afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

function apkNoCache(stdout: string) {
  const report = JSON.parse(stdout) as Report;
  return report.files[0].findings.find(
    finding => finding.ruleId === 'apk-no-cache',
  );
}

describe('--enforce', () => {
  it('keeps a rule the config file ignores, and says the config tried', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.apkCache,
      '.alpine-advisor.yaml': 'ignore: [apk-no-cache]\n',
    });
    const ignored = await runCli(['--format', 'json', 'Dockerfile'], { cwd });
    expect(apkNoCache(ignored.stdout)).toBeUndefined();

    const run = await runCli(
      ['--format', 'json', '--enforce', 'DL3019', 'Dockerfile'],
      { cwd },
    );
    expect(run.stderr).toBe('');
    expect(apkNoCache(run.stdout)).toMatchObject({
      severity: 'warning',
      enforced: true,
      suppressionAttempts: [{ via: 'config', requested: 'off' }],
    });
  });

  it('beats --ignore, a downgrade and a suppression comment, as the portal does', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.apkCache.replace(
        'RUN apk add',
        '# hadolint ignore=DL3019\nRUN apk add',
      ),
      '.alpine-advisor.yaml': 'severity:\n  apk-no-cache: info\n',
    });
    const run = await runCli(
      [
        '--format',
        'json',
        '--ignore',
        'apk-no-cache',
        '--enforce',
        'apk-no-cache',
        'Dockerfile',
      ],
      { cwd },
    );
    const finding = apkNoCache(run.stdout);
    expect(finding?.severity).toBe('warning');
    expect(finding?.suppressionAttempts).toEqual([
      { via: 'config', requested: 'off' },
      { via: 'comment', line: 2, syntax: 'hadolint' },
    ]);
  });

  it('counts towards --fail-on like any other finding', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.apkCache,
      '.alpine-advisor.yaml': 'ignore: [apk-no-cache]\n',
    });
    const args = ['--fail-on', 'warning', 'Dockerfile'];
    expect((await runCli(args, { cwd })).code).toBe(0);
    const run = await runCli(['--enforce', 'apk-no-cache', ...args], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(enforced rule: not silenced by the config');
  });

  it('refuses an unknown rule', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.apkCache });
    const run = await runCli(['--enforce', 'no-such-rule', 'Dockerfile'], {
      cwd,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--enforce: unknown rule "no-such-rule"');
  });

  it('marks enforced findings in SARIF', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.apkCache });
    const run = await runCli(
      ['--format', 'sarif', '--enforce', 'apk-no-cache', 'Dockerfile'],
      { cwd },
    );
    const sarif = JSON.parse(run.stdout);
    const result = sarif.runs[0].results.find(
      (candidate: { ruleId: string }) => candidate.ruleId === 'apk-no-cache',
    );
    expect(result.properties.enforced).toBe(true);
  });
});
