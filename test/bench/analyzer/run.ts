/*
 * `yarn bench:analyzer`: throughput of our analyzer against the dockerfile-ast
 * parse floor and the npm Dockerfile linters, on the same in-memory corpus in
 * one process, plus the CLI's cold start. A benchmark, not a test: it prints
 * and never fails on speed.
 *
 * Method: every tool is loaded and warmed up, then timed in interleaved
 * rounds (A, B, C, A, B, C…) of CPU time, so that other processes on a
 * shared machine hit all tools alike. Both the median round and the fastest
 * round are reported; load only adds time, so on a busy machine the ratios
 * of the fastest rounds are the steadier ones (the ± column shows how busy). The method follows the
 * project's perf anchors (dockerfile-ast parse ≈ 0.17 µs/byte; dockerfile-utils
 * ≈ 2× parse; dockerlinter ≈ 1.6×; dockerfilelint ≈ 0.44×, regex only).
 *
 * Options (environment): BENCH_ROUNDS (default 15), BENCH_MIN_ROUND_MS (default 500),
 * BENCH_TOOLS (comma-separated name substrings), BENCH_COLD_RUNS (default 20; 0 skips).
 * Run with --expose-gc (the root script does) for meaningful heap numbers.
 */
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ColdStart, measureColdStart } from './coldStart';
import { CorpusFile, loadCorpus } from './corpus';
import {
  Measurement,
  measureInterleaved,
  prepare,
  PreparedTool,
} from './measure';
import { TOOLS } from './tools';

const ROOT = resolve(__dirname, '../../..');
const FLOOR = 'dockerfile-ast';
const OURS = 'alpine-advisor';
const GOAL_RATIO = 1.5;
const COLD_START_GOAL_MS = 150;

const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const minRoundMs = Number(process.env.BENCH_MIN_ROUND_MS ?? 500);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 20);
const toolFilter = process.env.BENCH_TOOLS?.split(',').map(name =>
  name.trim().toLowerCase(),
);

type Result = readonly [name: string, measurement: Measurement];

const fixed = (value: number, digits = 0) => value.toFixed(digits);

async function main(): Promise<void> {
  const { source, files } = loadCorpus(ROOT);
  printCorpus(source, files);
  const results = await measureTools(files);
  printTable(results);
  printGoal(results, files);
  printColdStart(files);
}

function printCorpus(source: string, files: CorpusFile[]): void {
  const lines = files.reduce((sum, file) => sum + file.lines, 0);
  const kilobytes = files.reduce((sum, file) => sum + file.bytes, 0) / 1024;
  const alpine = files.filter(file => file.alpine).length;
  console.log(
    `Corpus: ${source}, ${
      files.length
    } Dockerfiles (${alpine} Alpine), ${lines} lines, ${fixed(
      kilobytes,
    )} kB, mean ${fixed(lines / files.length)} lines/file`,
  );
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${
      process.version
    }; ${rounds} interleaved rounds of ≈ ${minRoundMs} ms CPU after a warm-up until steady, median and fastest round reported; load average ${loadavg()
      .map(load => load.toFixed(2))
      .join(' ')}`,
  );
  if (!(globalThis as { gc?: unknown }).gc)
    console.log('(no --expose-gc: heap columns are noisy)');
  console.log('');
}

async function measureTools(files: CorpusFile[]): Promise<Result[]> {
  const tools = TOOLS.filter(
    tool =>
      !toolFilter ||
      toolFilter.some(name => tool.name.toLowerCase().includes(name)),
  );
  const prepared: Array<readonly [string, PreparedTool]> = [];
  for (const tool of tools) {
    console.log(`loading and warming up ${tool.name}…`);
    try {
      prepared.push([tool.name, await prepare(tool.load, files, minRoundMs)]);
    } catch (error) {
      console.log(
        `  ${tool.name}: could not run (${
          (error as Error).message.split('\n')[0]
        })`,
      );
    }
  }
  console.log(`timing ${rounds} interleaved rounds…\n`);
  const measured = measureInterleaved(
    prepared.map(([, tool]) => tool),
    files,
    rounds,
  );
  return prepared.map(([name], index) => [name, measured[index]] as const);
}

function printTable(results: Result[]): void {
  const floor = find(results, FLOOR);
  const widths = [34, 8, 9, 8, 9, 9, 6, 8, 9, 8, 8, 8, 9];
  const row = (cells: string[]) =>
    cells
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]),
      )
      .join('  ');
  console.log(
    row([
      'tool',
      'µs/file',
      'files/s',
      '× floor',
      'best µs',
      'best ×',
      '± %',
      'crashes',
      'findings',
      'heap kB',
      'load MB',
      'load ms',
      'warm-up s',
    ]),
  );
  console.log(widths.map(width => '-'.repeat(width)).join('  '));
  for (const [name, m] of results) {
    console.log(
      row([
        name,
        fixed(m.microsPerFile),
        fixed(m.filesPerSecond),
        floor ? `${fixed(m.microsPerFile / floor.microsPerFile, 2)}×` : '—',
        fixed(m.fastestMicrosPerFile),
        floor
          ? `${fixed(m.fastestMicrosPerFile / floor.fastestMicrosPerFile, 2)}×`
          : '—',
        fixed(m.spread * 100),
        String(m.crashes),
        m.findings === undefined ? '—' : String(m.findings),
        m.heapKbPerFile < 0.05 ? '~0' : fixed(m.heapKbPerFile, 1),
        fixed(Math.max(0, m.loadHeapMb), 1),
        fixed(m.loadMs),
        fixed(m.warmUpCpuMs / 1000, 1),
      ]),
    );
  }
  console.log('');
  for (const tool of TOOLS) console.log(`  ${tool.name}: ${tool.note}`);
  console.log(
    '  µs/file: CPU time per file, median round; best: the fastest round. ± %: spread of the rounds, (slowest − fastest) / median.',
  );
  console.log(
    '  heap kB: heap retained per file by the result (for the floor: the AST). load: module load cost.',
  );
  console.log(
    '  warm-up s: CPU time of the JIT warm-up, in blocks of one round, until a tool stopped getting faster; rounds are timed after it.',
  );
}

function printGoal(results: Result[], files: CorpusFile[]): void {
  const floor = find(results, FLOOR);
  const ours = find(results, OURS);
  if (!floor || !ours) return;
  console.log('');
  if (ours.crashes > 0) {
    console.log(
      `Goal not assessable: analyzeDockerfile threw on ${ours.crashes} of ${files.length} files (it must never throw).`,
    );
    return;
  }
  const ratio = ours.microsPerFile / floor.microsPerFile;
  const bestRatio = ours.fastestMicrosPerFile / floor.fastestMicrosPerFile;
  console.log(
    `Goal: full analysis ≤ ${GOAL_RATIO}× the ${FLOOR} parse floor. Measured ${fixed(
      bestRatio,
      2,
    )}× on the fastest rounds → ${
      bestRatio <= GOAL_RATIO ? 'met' : 'NOT met'
    }; ${fixed(ratio, 2)}× on the median rounds${
      ours.spread > 0.5 || floor.spread > 0.5
        ? ' (rounds spread widely: a busy machine, trust the fastest rounds)'
        : ''
    }.`,
  );
  for (const [name, m] of results) {
    if (name.startsWith(OURS) || name.startsWith(FLOOR)) continue;
    const speedup = m.fastestMicrosPerFile / ours.fastestMicrosPerFile;
    const verdict =
      speedup >= 1
        ? `${fixed(speedup, 2)}× faster`
        : `${fixed(1 / speedup, 2)}× slower`;
    console.log(`  ${OURS} vs ${name}: ${verdict} (fastest rounds)`);
  }
}

function printColdStart(files: CorpusFile[]): void {
  console.log('');
  if (coldRuns <= 0) {
    console.log('CLI cold start: skipped (BENCH_COLD_RUNS=0).');
    return;
  }
  const sample =
    files.find(file => file.alpine && file.lines >= 20 && file.lines <= 60) ??
    files[0];
  const cold = measureColdStart(ROOT, join(ROOT, sample.path), coldRuns);
  if (!cold) {
    console.log(
      'CLI cold start: skipped, packages/cli/bin/alpine-advisor does not exist yet.',
    );
    return;
  }
  const overhead = cold.cli.medianMs - cold.node.medianMs;
  const cpu = (start: ColdStart) =>
    start.cpuMs === undefined ? '' : `, CPU ${fixed(start.cpuMs)} ms`;
  console.log(
    `CLI cold start on ${sample.path} (${
      sample.lines
    } lines), published bin (prebuilt bundle); wall time median of ${coldRuns} interleaved runs (min), mean CPU time (user + system); load average ${loadavg()[0].toFixed(
      2,
    )}:`,
  );
  console.log(
    `  node -e 0                ${fixed(cold.node.medianMs).padStart(
      5,
    )} ms (${fixed(cold.node.minMs)})${cpu(cold.node)}`,
  );
  console.log(
    `  alpine-advisor one file  ${fixed(cold.cli.medianMs).padStart(
      5,
    )} ms (${fixed(cold.cli.minMs)})${cpu(cold.cli)}`,
  );
  const cpuRatio =
    cold.cli.cpuMs !== undefined && cold.node.cpuMs
      ? `; CPU ${fixed(
          cold.cli.cpuMs / cold.node.cpuMs,
          2,
        )}× node -e 0, ${fixed(cold.cli.cpuMs - cold.node.cpuMs)} ms over it`
      : '';
  console.log(
    `  ratio: wall ${fixed(
      cold.cli.medianMs / cold.node.medianMs,
      2,
    )}× node -e 0, ${fixed(overhead)} ms over it${cpuRatio}`,
  );
  console.log(
    `Goal: ≤ ${COLD_START_GOAL_MS} ms wall → ${
      cold.cli.medianMs <= COLD_START_GOAL_MS ? 'met' : 'NOT met'
    }${
      cold.cli.minMs <= COLD_START_GOAL_MS &&
      cold.cli.medianMs > COLD_START_GOAL_MS
        ? ' (the fastest run met it: a busy machine?)'
        : ''
    }${
      cold.node.medianMs > COLD_START_GOAL_MS / 2
        ? ` (node -e 0 alone takes ${fixed(
            cold.node.medianMs,
          )} ms here: a busy or slow machine)`
        : ''
    }.`,
  );
}

function find(results: Result[], prefix: string): Measurement | undefined {
  return results.find(([name]) => name.startsWith(prefix))?.[1];
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
