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

/** Three fixable problems, two of them in one RUN so their fixes need more than one round. */
const SEVERAL_FIXABLE = [
  'FROM alpine:3.22',
  'RUN apk update',
  'RUN apk add curl && apk add git',
  'USER 65534',
  'CMD ["/bin/true"]',
  '',
].join('\n');

function read(cwd: string, file: string): string {
  return fs.readFileSync(path.join(cwd, file), 'utf8');
}

describe('--fix', () => {
  it('writes the fixes and reports only what remains', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.apkCache });
    const run = await runCli(['--fix', '--format', 'json', 'Dockerfile'], {
      cwd,
    });
    expect(read(cwd, 'Dockerfile')).toContain('apk add --no-cache curl');
    const report = JSON.parse(run.stdout) as Report;
    expect(
      report.files[0].findings.map(finding => finding.ruleId),
    ).not.toContain('apk-no-cache');
    expect(run.stderr).toMatch(/fixed \d+ problems? in Dockerfile/);
    expect(run.code).toBe(0);
  });

  it('fixes until nothing fixable is left, and a second run changes nothing', async () => {
    const cwd = tree({ Dockerfile: SEVERAL_FIXABLE });
    await runCli(['--fix', 'Dockerfile'], { cwd });
    const fixedOnce = read(cwd, 'Dockerfile');
    expect(fixedOnce).not.toEqual(SEVERAL_FIXABLE);
    const again = await runCli(['--fix', '--format', 'json', 'Dockerfile'], {
      cwd,
    });
    expect(read(cwd, 'Dockerfile')).toEqual(fixedOnce);
    const remaining = (JSON.parse(again.stdout) as Report).files[0].findings;
    expect(remaining.filter(finding => finding.fix)).toEqual([]);
    expect(again.stderr).toBe('');
  });

  it('leaves files without fixable findings untouched', async () => {
    const cwd = tree({
      Dockerfile: DOCKERFILES.clean,
      'other/Dockerfile': DOCKERFILES.broken,
    });
    const before = fs.statSync(path.join(cwd, 'Dockerfile')).mtimeMs;
    await runCli(['--fix', '.'], { cwd });
    expect(read(cwd, 'Dockerfile')).toBe(DOCKERFILES.clean);
    expect(read(cwd, 'other/Dockerfile')).toBe(DOCKERFILES.broken);
    expect(fs.statSync(path.join(cwd, 'Dockerfile')).mtimeMs).toBe(before);
  });

  it('keeps a byte order mark and CRLF line ends', async () => {
    const crlf = `\uFEFF${DOCKERFILES.apkCache.replace(/\n/g, '\r\n')}`;
    const cwd = tree({ Dockerfile: crlf });
    await runCli(['--fix', 'Dockerfile'], { cwd });
    const fixed = read(cwd, 'Dockerfile');
    expect(fixed.startsWith('\uFEFFFROM alpine:3.22\r\n')).toBe(true);
    expect(fixed).toContain('apk add --no-cache curl\r\n');
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('refuses standard input', async () => {
    const cwd = tree({});
    const run = await runCli(['--fix', '-'], {
      cwd,
      stdin: DOCKERFILES.apkCache,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fix cannot write back to standard input/);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff and writes nothing', async () => {
    const cwd = tree({ 'svc/Dockerfile': DOCKERFILES.apkCache });
    const run = await runCli(['--fix-dry-run', 'svc/Dockerfile'], { cwd });
    expect(read(cwd, 'svc/Dockerfile')).toBe(DOCKERFILES.apkCache);
    expect(run.stdout).toMatch(
      /^--- a\/svc\/Dockerfile\n\+\+\+ b\/svc\/Dockerfile\n@@ /,
    );
    expect(run.stdout).toContain('\n-RUN apk add curl\n');
    expect(run.stdout).toContain('\n+RUN apk add --no-cache curl\n');
    // The exit code reflects what would remain after fixing.
    expect(run.code).toBe(0);
  });

  it('diffs standard input too', async () => {
    const cwd = tree({});
    const run = await runCli(
      ['--fix-dry-run', '--stdin-filename', 'Dockerfile', '-'],
      {
        cwd,
        stdin: DOCKERFILES.apkCache,
      },
    );
    expect(run.stdout).toContain('+RUN apk add --no-cache curl');
  });

  it('prints nothing when there is nothing to fix', async () => {
    const cwd = tree({ Dockerfile: DOCKERFILES.clean });
    const run = await runCli(['--fix-dry-run', 'Dockerfile'], { cwd });
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});
