import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ColdStart {
  command: string;
  medianMs: number;
  minMs: number;
  /** Mean CPU time (user + system) of one run; undefined where /proc is not there. */
  cpuMs?: number;
}

/** Linux clock ticks per second for /proc times (USER_HZ, 100 on every common kernel). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time of this process's waited-for children, from /proc/self/stat
 * (cutime + cstime). On a shared machine the wall time of a start mostly
 * measures the wait for a core; the CPU time is what the start costs.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks)
      ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND
      : undefined;
  } catch {
    return undefined;
  }
}

interface Runner {
  command: string;
  args: string[];
  wallMs: number[];
  cpuMs: number;
  cpuKnown: boolean;
}

function runOnce(runner: Runner, record: boolean): void {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(runner.command, runner.args, { stdio: 'ignore' });
  const elapsed = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(
      `${[runner.command, ...runner.args].join(' ')} exited ${result.status}`,
    );
  }
  if (!record) return;
  runner.wallMs.push(elapsed);
  if (cpuBefore === undefined || cpuAfter === undefined)
    runner.cpuKnown = false;
  else runner.cpuMs += cpuAfter - cpuBefore;
}

function summarize(runner: Runner): ColdStart {
  const sorted = [...runner.wallMs].sort((a, b) => a - b);
  return {
    command: [runner.command, ...runner.args].join(' '),
    medianMs: sorted[Math.floor(sorted.length / 2)],
    minMs: sorted[0],
    cpuMs: runner.cpuKnown ? runner.cpuMs / sorted.length : undefined,
  };
}

/**
 * The CLI's cold start on one file against a bare `node -e 0`: what a user
 * waits for in a pre-commit hook. The published bin is timed (it runs the
 * prebuilt bundle); the repository launcher builds that bundle first when
 * the sources are newer. Runs of both commands are interleaved so that load
 * from other processes hits both alike. Undefined when the CLI is not there.
 */
export function measureColdStart(
  root: string,
  filePath: string,
  runs = 20,
): { node: ColdStart; cli: ColdStart } | undefined {
  const bin = join(root, 'packages/cli/bin/alpine-advisor');
  const devBin = join(root, 'packages/cli/scripts/dev-bin.cjs');
  if (!existsSync(bin) || !existsSync(devBin)) return undefined;
  const build = spawnSync(process.execPath, [devBin, '--version'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('building the CLI bundle failed');
  const runner = (args: string[]): Runner => ({
    command: process.execPath,
    args,
    wallMs: [],
    cpuMs: 0,
    cpuKnown: true,
  });
  const node = runner(['-e', '0']);
  const cli = runner([bin, '--format', 'json', filePath]);
  // Warm-up: the OS file cache and Node's compile cache.
  for (let run = 0; run < 3; run++) {
    runOnce(node, false);
    runOnce(cli, false);
  }
  for (let run = 0; run < runs; run++) {
    runOnce(node, true);
    runOnce(cli, true);
  }
  return { node: summarize(node), cli: summarize(cli) };
}
