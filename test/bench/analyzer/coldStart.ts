import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ColdStart {
  command: string;
  medianMs: number;
  minMs: number;
}

/** Wall time of a fresh process, median of `runs` after `warmUps` unmeasured runs. */
function time(
  command: string,
  args: string[],
  runs: number,
  warmUps: number,
): ColdStart {
  const durations: number[] = [];
  for (let run = 0; run < warmUps + runs; run++) {
    const start = performance.now();
    const result = spawnSync(command, args, { stdio: 'ignore' });
    const elapsed = performance.now() - start;
    if (result.error) throw result.error;
    if (run >= warmUps) durations.push(elapsed);
  }
  durations.sort((a, b) => a - b);
  return {
    command: [command, ...args].join(' '),
    medianMs: durations[Math.floor(durations.length / 2)],
    minMs: durations[0],
  };
}

/**
 * The CLI's cold start on one file against a bare `node -e 0`: what a user
 * waits for in a pre-commit hook. Undefined when the CLI is not there yet.
 */
export function measureColdStart(
  root: string,
  filePath: string,
  runs = 20,
): { node: ColdStart; cli: ColdStart } | undefined {
  const bin = join(root, 'packages/cli/bin/alpine-advisor');
  if (!existsSync(bin)) return undefined;
  const node = time(process.execPath, ['-e', '0'], runs, 3);
  const cli = time(
    process.execPath,
    [bin, '--format', 'json', filePath],
    runs,
    3,
  );
  return { node, cli };
}
