/*
 * The long fuzz run (`yarn fuzz:analyzer`): the generators of the CI fuzz test
 * (packages/analyzer/src/fuzz.test.ts), at least 100,000 inputs in one
 * process, with shrinking on failure. It also keeps the slowest input of each
 * kind, since "bounded time" is part of the contract: an input that takes
 * more CPU time than HANG_MS fails the run as a robustness bug (a hang), while
 * throughput itself is the benchmark's business (yarn bench:analyzer).
 *
 * Options (environment): FUZZ_INPUTS (default 100000), FUZZ_SEED, HANG_MS (default 5000).
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import {
  dockerfileBytes,
  dockerfileText,
  edgeCases,
  loadSeedDockerfiles,
  mutatedDockerfile,
  reportProblems,
} from '../../../packages/analyzer/src/__testUtils__/fuzz';
import { applyFixes } from '../../../packages/analyzer/src/fix';
import { analyzeDockerfile } from '../../../packages/analyzer/src';

const totalInputs = Number(process.env.FUZZ_INPUTS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const hangMs = Number(process.env.HANG_MS ?? 5000);

interface Slowest {
  ms: number;
  input: string | Uint8Array;
}

function analyzeChecked(content: string | Uint8Array, slowest: Slowest): void {
  const input = { path: 'fuzz/Dockerfile', content };
  // CPU time, not wall time: the bound must hold on a busy shared machine too.
  const start = process.cpuUsage();
  const report = analyzeDockerfile(input);
  const spent = process.cpuUsage(start);
  const elapsed = (spent.user + spent.system) / 1000;
  if (elapsed > slowest.ms) {
    slowest.ms = elapsed;
    slowest.input = content;
  }
  const problems = reportProblems(report, input);
  if (elapsed > hangMs) {
    problems.push(
      `took ${elapsed.toFixed(0)} ms of CPU (hang bound ${hangMs} ms)`,
    );
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const fixes = report.findings.flatMap(finding =>
    finding.fix ? [finding.fix] : [],
  );
  if (typeof content === 'string' && fixes.length > 0) {
    const fixed = {
      path: input.path,
      content: applyFixes(content, fixes).output,
    };
    const refixedProblems = reportProblems(analyzeDockerfile(fixed), fixed);
    if (refixedProblems.length > 0)
      throw new Error(`after fixes: ${refixedProblems.join('\n')}`);
  }
}

function preview(input: string | Uint8Array): string {
  const text = typeof input === 'string' ? input : `<${input.length} bytes>`;
  return JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text);
}

function main(): number {
  const seeds = loadSeedDockerfiles();
  const kinds: Array<[string, fc.Arbitrary<string | Uint8Array>, number]> = [
    ['generated Dockerfiles', dockerfileText, 0.45],
    ['mutated corpus files', mutatedDockerfile(seeds), 0.35],
    ['bytes and broken encodings', dockerfileBytes, 0.1],
    [
      'arbitrary strings',
      fc.oneof(
        fc.string({ maxLength: 500 }),
        fc.string({ unit: 'binary', maxLength: 500 }),
      ),
      0.1,
    ],
  ];
  console.log(
    `Fuzzing analyzeDockerfile: ${totalInputs} inputs, seed ${seed}, ${seeds.length} seed files`,
  );
  let failures = 0;
  let inputs = 0;
  const started = performance.now();
  for (const [name, arbitrary, share] of kinds) {
    const numRuns = Math.ceil(totalInputs * share);
    const slowest: Slowest = { ms: 0, input: '' };
    const kindStart = performance.now();
    const details = fc.check(
      fc.property(arbitrary, content => analyzeChecked(content, slowest)),
      { numRuns, seed },
    );
    inputs += details.numRuns;
    const seconds = ((performance.now() - kindStart) / 1000).toFixed(1);
    const count = String(details.numRuns).padStart(7);
    const worst = `${slowest.ms.toFixed(1)} ms CPU ${preview(slowest.input)}`;
    console.log(
      `  ${name.padEnd(28)} ${count} inputs  ${seconds.padStart(
        6,
      )} s  slowest ${worst}`,
    );
    if (details.failed) {
      failures++;
      console.error(fc.defaultReportMessage(details));
    }
  }
  const edgeStart = performance.now();
  for (const edgeCase of edgeCases({ longestLineKb: 950 })) {
    const slowest: Slowest = { ms: 0, input: '' };
    try {
      analyzeChecked(edgeCase.content, slowest);
    } catch (error) {
      failures++;
      console.error(
        `  edge case "${edgeCase.name}": ${(error as Error).message}`,
      );
    }
    inputs++;
  }
  console.log(
    `  ${'edge cases'.padEnd(28)} ${String(edgeCases().length).padStart(
      7,
    )} inputs  ${((performance.now() - edgeStart) / 1000)
      .toFixed(1)
      .padStart(6)} s`,
  );
  // After a full GC (the root script passes --expose-gc), what stays is what leaked.
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
  console.log(
    `${inputs} inputs in ${((performance.now() - started) / 1000).toFixed(
      1,
    )} s, heap ${heapMb} MB: ${
      failures === 0 ? 'no failures' : `${failures} failing kind(s)`
    }. Reproduce with FUZZ_SEED=${seed}.`,
  );
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
