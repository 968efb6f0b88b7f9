/*
 * shell-form-cmd against Alpine's real shell: busybox ash (Debian's
 * busybox-static, the same ash as Alpine's /bin/sh; scripts/test-services.sh
 * installs it in CI). For each shell-form CMD, `busybox sh -c` runs it with
 * `sleep` as the program, and /proc tells whether the shell replaced itself
 * with the program (the program then gets SIGTERM itself) or forked it
 * (the shell stays in between). The rule must stay silent only where the
 * shell execs, and report where it forks; the cases where it reports
 * although the shell execs are listed, each with why.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { analyzeDockerfile } from '@alpine-advisor/analyzer';

const BUSYBOX = '/usr/bin/busybox';

/** Shell-form CMD texts, with `sleep 30` as the program. */
const CASES = [
  'sleep 30',
  'cd /tmp && sleep 30',
  'export MODE=prod; sleep 30',
  'sleep 30 >> /dev/null 2>&1',
  'MODE=prod sleep 30',
  'true; sleep 30;',
  'exec sleep 30',
  'sleep 30 | cat',
  'sleep 30 || true',
  "trap 'true' TERM; sleep 30",
];

/** Reported although busybox execs the tail: the rule reads only plain sequences. */
const REPORTED_THOUGH_EXECED: Record<string, string> = {
  'sleep 1 & sleep 30':
    'the tail is exec-ed, but the background job never gets the signal',
  '(sleep 30)': 'a subshell: not read as a plain sequence',
  'if true; then sleep 30; fi': 'a compound command: not read',
  'sleep $(echo 30)': 'a command substitution: not read',
};

const PROGRAM = 'sleep 30';

function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    .split('\0')
    .filter(Boolean)
    .join(' ');
}

function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
}

/**
 * Whether `busybox sh -c script` replaces itself with the program: polled
 * until the shell's own process runs it (exec-ed) or a child of the shell
 * does (forked).
 */
async function shellExecsProgram(script: string): Promise<boolean> {
  const shell = spawn(BUSYBOX, ['sh', '-c', script], { stdio: 'ignore' });
  const pid = shell.pid!;
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (commandLine(pid) === PROGRAM) return true;
      if (childrenOf(pid).some(child => commandLine(child) === PROGRAM))
        return false;
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    throw new Error(
      `busybox sh -c ${JSON.stringify(script)} never started ${PROGRAM}`,
    );
  } finally {
    // A forked program would outlive the killed shell: it goes first.
    for (const child of childrenOf(pid)) process.kill(child, 'SIGKILL');
    shell.kill('SIGKILL');
  }
}

beforeAll(() => {
  if (!existsSync(BUSYBOX))
    throw new Error(
      `${BUSYBOX} is missing: install Debian's busybox-static (scripts/test-services.sh, ensure_busybox)`,
    );
});

function reportsShellForm(script: string): boolean {
  const report = analyzeDockerfile({
    path: 'Dockerfile',
    content: `FROM alpine:3.22\nCMD ${script}\n`,
  });
  return report.findings.some(finding => finding.ruleId === 'shell-form-cmd');
}

describe('shell-form-cmd and busybox ash', () => {
  it.each(CASES)('%s', async script => {
    const execed = await shellExecsProgram(script);
    expect({ script, reported: reportsShellForm(script) }).toEqual({
      script,
      reported: !execed,
    });
  });

  it.each(Object.keys(REPORTED_THOUGH_EXECED))(
    'reported though exec-ed: %s',
    async script => {
      expect(await shellExecsProgram(script)).toBe(true);
      expect(reportsShellForm(script)).toBe(true);
    },
  );
});
