/* eslint-disable no-control-regex -- the test looks for control characters */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { hostileContext, HOSTILE_TEXT } from '../__testUtils__/formatContexts';
import { DOCKERFILES, makeTree, runCli } from '../__testUtils__/runCli';
import { formatGnu } from './gnu';

interface QuickfixEntry {
  filename: string;
  lnum: number;
  col: number;
  text: string;
  valid: number;
}

/**
 * Loads a report into Vim's quickfix list with Vim's built-in 'errorformat'
 * (the GNU/GCC forms among others), the way `vim -q report.txt` does, and
 * returns the entries Vim understood.
 */
function readWithVim(report: string): QuickfixEntry[] {
  const scratch = makeTree({ 'report.txt': report });
  try {
    const reportFile = path.join(scratch.root, 'report.txt');
    const output = path.join(scratch.root, 'quickfix.json');
    const vim = spawnSync(
      'vim',
      [
        '-N',
        '-u',
        'NONE',
        '-i',
        'NONE',
        '-n',
        '-es',
        '-c',
        'set encoding=utf-8',
        '-c',
        `cgetfile ${reportFile}`,
        '-c',
        `call writefile([json_encode(map(getqflist(), {_, entry -> extend(entry, {'filename': bufname(entry.bufnr)})}))], '${output}')`,
        '-c',
        'qa!',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (vim.error) {
      throw new Error(
        `Vim is needed to check the gnu format (apt-get install -y vim; scripts/test-services.sh installs it): ${vim.error.message}`,
      );
    }
    return JSON.parse(fs.readFileSync(output, 'utf8'));
  } finally {
    scratch.cleanup();
  }
}

const project = makeTree({
  'api/Dockerfile': DOCKERFILES.apkCache,
  'broken/Dockerfile': DOCKERFILES.broken,
  'clean/Dockerfile': DOCKERFILES.clean,
});
afterAll(() => project.cleanup());

describe('gnu format', () => {
  it('writes one GCC-style line per finding', async () => {
    const run = await runCli(['--format', 'gnu', '.'], { cwd: project.root });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^api\/Dockerfile:2:\d+: warning: .+ \[apk-no-cache\]$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^broken\/Dockerfile:\d+:\d+: error: .+ \[parse-error\]$/,
      ),
    );
    for (const line of lines) {
      expect(line).toMatch(
        /^[^:]+:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+\]$/,
      );
    }
  });

  it("is read finding for finding by Vim's quickfix list", async () => {
    const json = JSON.parse(
      (await runCli(['--format', 'json', '.'], { cwd: project.root })).stdout,
    );
    const run = await runCli(['--format', 'gnu', '.'], { cwd: project.root });
    const entries = readWithVim(run.stdout);
    const expected = json.files.flatMap(
      (file: {
        path: string;
        findings: Array<{
          line: number;
          column: number;
          severity: string;
          message: string;
          ruleId: string;
        }>;
      }) =>
        file.findings.map(finding => ({
          filename: file.path,
          lnum: finding.line,
          col: finding.column,
          text: ` ${finding.severity}: ${finding.message} [${finding.ruleId}]`,
          valid: 1,
        })),
    );
    const read = entries.map(({ filename, lnum, col, text, valid }) => ({
      filename,
      lnum,
      col,
      text,
      valid,
    }));
    const order = (a: QuickfixEntry, b: QuickfixEntry) =>
      a.filename.localeCompare(b.filename) ||
      a.lnum - b.lnum ||
      a.col - b.col ||
      a.text.localeCompare(b.text);
    expect(read.sort(order)).toEqual(expected.sort(order));
    expect(read.length).toBeGreaterThan(1);
  });

  it('keeps a hostile message on its one line, without control characters', () => {
    const report = formatGnu(hostileContext());
    const lines = report.trimEnd().split('\n');
    const context = hostileContext();
    expect(lines).toHaveLength(context.report.files[0].findings.length);
    const entries = readWithVim(report);
    expect(entries).toHaveLength(lines.length);
    for (const entry of entries) {
      expect(entry.filename).toBe('hostile/Dockerfile');
      expect(entry.valid).toBe(1);
    }
    for (const line of lines) {
      expect(line).toContain(
        HOSTILE_TEXT.replace(/\s*[\r\n]+\s*/g, ' ').replace(
          /[\u0000\u0008\u001b]/g,
          '\uFFFD',
        ),
      );
      expect(line).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
    }
  });

  it('ends with the files that could not be analysed, and exits 2', async () => {
    const run = await runCli(['--format', 'gnu', 'api', 'missing'], {
      cwd: project.root,
    });
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(
      /^alpine-advisor: error: missing: /,
    );
  });

  it('writes nothing for clean files and exits 0', async () => {
    const run = await runCli(['--format', 'gnu', 'clean'], {
      cwd: project.root,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });
});
