import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Report } from '@alpine-advisor/analyzer';
import { listRules } from '@alpine-advisor/analyzer';
import type * as Sarif from 'sarif';
import { DOCKERFILES, makeTree, runCli } from '../__testUtils__/runCli';

const cleanups: Array<() => void> = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const { root, cleanup } = makeTree(files);
  cleanups.push(cleanup);
  return root;
}
afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

/** Two files: one with a fixable warning on line 2, one without a base image. */
function sampleProject(): string {
  return tree({
    'api/Dockerfile': DOCKERFILES.apkCache,
    'broken/Dockerfile': DOCKERFILES.broken,
  });
}

const ESCAPE = '\u001b[';

describe('tty format', () => {
  it('groups findings by file with severity, rule, message, remediation and code frame', async () => {
    const run = await runCli(['api/Dockerfile'], { cwd: sampleProject() });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('api/Dockerfile');
    const findingLine = lines.find(line => line.includes('apk-no-cache'))!;
    expect(findingLine).toMatch(/^\s+2:\d+\s+warning\s+.+apk-no-cache$/);
    // The remediation follows the finding, then the offending line marked in a frame.
    expect(run.stdout).toMatch(/→ .*--no-cache/);
    expect(run.stdout).toMatch(/> 2 \| RUN apk add curl/);
    expect(run.stdout).toMatch(/ {2}1 \| FROM alpine:3\.22/);
    expect(run.stdout).toMatch(
      /score \d+\/100 · grade [A-F] · \d+ errors?, \d+ warnings?, \d+ info/,
    );
    expect(run.stdout).toMatch(
      /✖ \d+ problems? .* in 1 of 1 file · \d+ fixable with --fix/,
    );
  });

  it('prints no colour when stdout is not a terminal', async () => {
    const run = await runCli(['api/Dockerfile'], {
      cwd: sampleProject(),
      isTTY: false,
    });
    expect(run.stdout).not.toContain(ESCAPE);
  });

  it('colours a terminal unless NO_COLOR or --no-color says otherwise', async () => {
    const cwd = sampleProject();
    expect(
      (await runCli(['api/Dockerfile'], { cwd, isTTY: true })).stdout,
    ).toContain(ESCAPE);
    expect(
      (
        await runCli(['api/Dockerfile'], {
          cwd,
          isTTY: true,
          env: { NO_COLOR: '1' },
        })
      ).stdout,
    ).not.toContain(ESCAPE);
    expect(
      (await runCli(['--no-color', 'api/Dockerfile'], { cwd, isTTY: true }))
        .stdout,
    ).not.toContain(ESCAPE);
    expect(
      (await runCli(['--color', 'api/Dockerfile'], { cwd })).stdout,
    ).toContain(ESCAPE);
  });

  it('says so when a file is clean', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.clean });
    const run = await runCli(['Dockerfile'], { cwd });
    expect(run.stdout).toMatch(/score 100\/100 · grade A · no problems/);
    expect(run.stdout).toMatch(/✔ No problems in 1 file\./);
  });
});

describe('json format', () => {
  it('prints exactly the analyzer report, version 1 with 1-based lines', async () => {
    const run = await runCli(['--format', 'json', '.'], {
      cwd: sampleProject(),
    });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.version).toBe(1);
    expect(Object.keys(report)).toEqual(['version', 'files', 'knowledge']);
    expect(report.knowledge).toEqual({
      version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}\+bundled$/),
      asOf: expect.any(String),
      origin: 'bundled',
      releasesAsOf: expect.any(String),
    });
    expect(report.files.map(file => file.path)).toEqual([
      'api/Dockerfile',
      'broken/Dockerfile',
    ]);
    const api = report.files[0];
    for (const key of [
      'path',
      'score',
      'grade',
      'findings',
      'explanation',
      'stages',
      'usesAlpine',
    ]) {
      expect(api).toHaveProperty(key);
    }
    const finding = api.findings.find(
      candidate => candidate.ruleId === 'apk-no-cache',
    )!;
    expect(finding).toMatchObject({
      category: 'alpine',
      severity: 'warning',
      line: 2,
      endLine: 2,
      aliases: expect.arrayContaining(['hadolint:DL3019']),
    });
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.fix?.edits.length).toBeGreaterThan(0);
  });
});

describe('sarif format', () => {
  const schema = JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '__fixtures__', 'sarif-schema-2.1.0.json'),
      'utf8',
    ),
  );
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  async function sarifOf(args: string[], cwd: string): Promise<Sarif.Log> {
    const run = await runCli(['--format', 'sarif', ...args], { cwd });
    return JSON.parse(run.stdout) as Sarif.Log;
  }

  it('is valid against the official SARIF 2.1.0 schema', async () => {
    const log = await sarifOf(['.'], sampleProject());
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('stays valid with unreadable inputs reported as notifications', async () => {
    const cwd = sampleProject();
    const run = await runCli(['--format', 'sarif', 'api', 'missing'], { cwd });
    expect(run.code).toBe(2);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    expect(validate(log)).toBe(true);
    const invocation = log.runs[0].invocations![0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications![0].message.text).toMatch(
      /missing/,
    );
  });

  it('describes every rule with docs, helpUri, tags and default level', async () => {
    const log = await sarifOf(['.'], sampleProject());
    const rules = log.runs[0].tool.driver.rules!;
    expect(rules.length).toBeGreaterThanOrEqual(listRules().length);
    const apkNoCache = rules.find(rule => rule.id === 'apk-no-cache')!;
    expect(apkNoCache.name).toBe('ApkNoCache');
    expect(apkNoCache.shortDescription?.text).toBeTruthy();
    expect(apkNoCache.fullDescription?.text).toBeTruthy();
    expect(apkNoCache.help?.text).toBeTruthy();
    expect(apkNoCache.help?.markdown).toBeTruthy();
    expect(apkNoCache.helpUri).toMatch(
      /^https:\/\/.+\/packages\/analyzer\/src\/rules\/alpine\/apk-no-cache\/docs\.md$/,
    );
    expect(apkNoCache.defaultConfiguration?.level).toBe('warning');
    expect(apkNoCache.properties?.tags).toEqual(
      expect.arrayContaining(['alpine', 'hadolint:DL3019']),
    );
    // Rules with messages keyed by id list them, SARIF placeholders numbered.
    const latest = rules.find(rule => rule.id === 'base-image-latest')!;
    expect(latest.messageStrings).toEqual({
      latest: { text: 'base image {0} uses the moving latest tag' },
      latestResolved: {
        text: 'base image {0} uses the moving latest tag ({1} resolves to {0})',
      },
    });
  });

  it('maps findings to results with levels, 1-based regions and fixes', async () => {
    const log = await sarifOf(['.'], sampleProject());
    const run = log.runs[0];
    const rules = run.tool.driver.rules!;
    const result = run.results!.find(
      candidate => candidate.ruleId === 'apk-no-cache',
    )!;
    expect(result.level).toBe('warning');
    expect(rules[result.ruleIndex!].id).toBe('apk-no-cache');
    const location = result.locations![0].physicalLocation!;
    expect(location.artifactLocation).toEqual({
      uri: 'api/Dockerfile',
      uriBaseId: '%SRCROOT%',
    });
    expect(location.region).toMatchObject({ startLine: 2, endLine: 2 });
    const replacement = result.fixes![0].artifactChanges[0].replacements[0];
    expect(replacement.deletedRegion.startLine).toBe(2);
    expect(replacement.insertedContent?.text).toContain('--no-cache');
    const parseError = run.results!.find(
      candidate => candidate.ruleId === 'parse-error',
    )!;
    expect(parseError.level).toBe('error');
  });

  it('uses note for info findings', async () => {
    const cwd = tree({
      Dockerfile: 'FROM debian:bookworm\nUSER 1000\nCMD ["true"]\n',
    });
    const log = await sarifOf(['Dockerfile'], cwd);
    const info = log.runs[0].results!.filter(
      result => result.ruleId === 'no-alpine-stage',
    );
    expect(info).toHaveLength(1);
    expect(info[0].level).toBe('note');
  });

  it('gives helpUri an obvious placeholder when no docs URL is configured', async () => {
    const log = await sarifOf(['.'], sampleProject());
    const rule = log.runs[0].tool.driver.rules!.find(
      candidate => candidate.id === 'apk-no-cache',
    )!;
    expect(rule.helpUri).toBe(
      'https://alpine-advisor.invalid/set-docs-url/packages/analyzer/src/rules/alpine/apk-no-cache/docs.md',
    );
  });

  it('points helpUri at --docs-url when given', async () => {
    const log = await sarifOf(
      ['--docs-url', 'https://git.example.com/acme/aa/-/blob/main/', '.'],
      sampleProject(),
    );
    const rule = log.runs[0].tool.driver.rules!.find(
      candidate => candidate.id === 'apk-no-cache',
    )!;
    expect(rule.helpUri).toBe(
      'https://git.example.com/acme/aa/-/blob/main/packages/analyzer/src/rules/alpine/apk-no-cache/docs.md',
    );
  });
});

describe('markdown format', () => {
  it('has a summary table, findings with remediation and collapsible details', async () => {
    const run = await runCli(['--format', 'markdown', '.'], {
      cwd: sampleProject(),
    });
    const markdown = run.stdout;
    expect(markdown).toMatch(/^## Alpine Advisor\n/);
    expect(markdown).toContain(
      '| Dockerfile | Score | Grade | Errors | Warnings | Info |',
    );
    expect(markdown).toMatch(
      /\| `api\/Dockerfile` \| \d+ \| [A-F] \| \d+ \| \d+ \| \d+ \|/,
    );
    expect(markdown).toMatch(/### `api\/Dockerfile` · \d+\/100 \([A-F]\)/);
    // No docs URL configured: no link to a placeholder, a pointer to --explain instead.
    expect(markdown).toMatch(/- \*\*🟠 warning\*\* `apk-no-cache` line 2: /);
    expect(markdown).not.toContain('.invalid');
    expect(markdown).toContain('`alpine-advisor --explain <rule-id>`');
    expect(markdown).toMatch(/\*\*How to fix:\*\* .*--no-cache/);
    expect(markdown).toContain(
      '<details><summary>Code and score details</summary>',
    );
    expect(markdown).toMatch(/```dockerfile\n(.*\n)*> 2 \| RUN apk add curl/);
    expect(markdown).toMatch(/\*\*Score:\*\* /);
    // Every <details> is closed, so the comment renders.
    expect(markdown.match(/<details>/g)!.length).toBe(
      markdown.match(/<\/details>/g)!.length,
    );
  });

  it('links each rule to its docs under --docs-url', async () => {
    const run = await runCli(
      [
        '--format',
        'markdown',
        '--docs-url',
        'https://git.example.com/acme/aa/-/blob/main',
        '.',
      ],
      { cwd: sampleProject() },
    );
    expect(run.stdout).toContain(
      '[`apk-no-cache`](https://git.example.com/acme/aa/-/blob/main/packages/analyzer/src/rules/alpine/apk-no-cache/docs.md) line 2: ',
    );
    expect(run.stdout).not.toContain('--explain <rule-id>');
  });

  it('congratulates when there is nothing to report', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.clean });
    const run = await runCli(['--format', 'markdown', 'Dockerfile'], { cwd });
    expect(run.stdout).toContain('✅ No problems in 1 Dockerfile.');
    expect(run.stdout).not.toContain('<details>');
  });
});
