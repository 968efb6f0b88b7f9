import { listRules, RuleDescription } from '@alpine-advisor/analyzer';
import { makeTree, runCli } from '../__testUtils__/runCli';

const cwd = makeTree({});
afterAll(() => cwd.cleanup());

describe('--rules', () => {
  it('lists every rule with id, category, severity and title', async () => {
    const run = await runCli(['--rules'], { cwd: cwd.root });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+CATEGORY\s+SEVERITY\s+TITLE$/);
    const rules = listRules();
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const row = lines.find(line => line.startsWith(`${rule.id} `));
      expect(row).toBeDefined();
      expect(row).toContain(rule.category);
      expect(row).toContain(rule.severity);
      expect(row).toContain(rule.title);
    }
    expect(run.stdout).toContain(`${rules.length} rules.`);
  });

  it('prints the full catalog with --format json', async () => {
    const run = await runCli(['--rules', '--format', 'json'], {
      cwd: cwd.root,
    });
    const catalog = JSON.parse(run.stdout) as RuleDescription[];
    expect(catalog.map(rule => rule.id).sort()).toEqual(
      listRules()
        .map(rule => rule.id)
        .sort(),
    );
    expect(catalog.find(rule => rule.id === 'apk-no-cache')).toMatchObject({
      category: 'alpine',
      fixable: true,
      docs: expect.stringContaining('apk'),
    });
  });

  it('prints a Markdown table with --format markdown', async () => {
    const run = await runCli(['--rules', '--format', 'markdown'], {
      cwd: cwd.root,
    });
    expect(run.stdout).toMatch(
      /^\| Rule \| Category \| Severity \| Fixable \| Title \| Aliases \|\n/,
    );
    expect(run.stdout).toMatch(
      /\| `apk-no-cache` \| alpine \| warning \| yes \|/,
    );
  });

  it('refuses SARIF and paths', async () => {
    const sarif = await runCli(['--rules', '--format', 'sarif'], {
      cwd: cwd.root,
    });
    expect(sarif.code).toBe(2);
    const withPath = await runCli(['--rules', 'Dockerfile'], { cwd: cwd.root });
    expect(withPath.code).toBe(2);
    expect(withPath.stderr).toMatch(/--rules takes no paths/);
  });
});

describe('--explain', () => {
  it('prints a rule by id: facts, aliases and its Markdown docs', async () => {
    const run = await runCli(['--explain', 'apk-no-cache'], { cwd: cwd.root });
    expect(run.code).toBe(0);
    const rule = listRules().find(
      candidate => candidate.id === 'apk-no-cache',
    )!;
    expect(run.stdout.startsWith(`# apk-no-cache: ${rule.title}\n`)).toBe(true);
    expect(run.stdout).toMatch(
      /category: alpine · severity: warning · fixable: yes/,
    );
    expect(run.stdout).toContain('hadolint:DL3019');
    // The docs follow, without repeating their own heading.
    const body = rule.docs.trim().split('\n').slice(1).join('\n').trim();
    expect(run.stdout).toContain(body);
    expect(run.stdout.split('\n')).not.toContain(
      rule.docs.trim().split('\n')[0],
    );
  });

  it('finds a rule by a peer tool alias', async () => {
    const run = await runCli(['--explain', 'hadolint:DL3019'], {
      cwd: cwd.root,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# apk-no-cache: /);
  });

  it('accepts a peer tool code without its prefix', async () => {
    const run = await runCli(['--explain', 'DL3019'], { cwd: cwd.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# apk-no-cache: /);
  });

  it('prints the rule as JSON with --format json', async () => {
    const run = await runCli(
      ['--explain', 'apk-no-cache', '--format', 'json'],
      { cwd: cwd.root },
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: 'apk-no-cache',
      category: 'alpine',
    });
  });

  it('exits 2 for an unknown rule', async () => {
    const run = await runCli(['--explain', 'DL9999'], { cwd: cwd.root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown rule "DL9999"/);
    expect(run.stdout).toBe('');
  });
});
