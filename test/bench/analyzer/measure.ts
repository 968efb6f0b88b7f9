import { performance } from 'node:perf_hooks';
import type { CorpusFile } from './corpus';
import type { LoadedTool } from './tools';

/** A tool ready to be timed: loaded, warmed up, its pass length calibrated. */
export interface PreparedTool {
  tool: LoadedTool;
  loadMs: number;
  /** Heap added by loading the tool (after GC). */
  loadHeapMb: number;
  crashes: number;
  /** Undefined for tools that do not report findings (the parse floor). */
  findings?: number;
  /** Corpus passes per timed round, so that a round takes about `minRoundMs` of CPU time. */
  passesPerRound: number;
  /** CPU time the JIT warm-up took until the tool's speed stopped improving. */
  warmUpCpuMs: number;
}

export interface Measurement extends PreparedTool {
  /** Median over rounds of the mean time per file. */
  microsPerFile: number;
  /**
   * The fastest round's mean time per file. Load from other processes only
   * ever adds time, so on a shared machine the fastest of many interleaved
   * rounds is the steadiest estimate of the tool's own cost (Chen & Revels,
   * "Robust benchmarking in noisy environments", 2016).
   */
  fastestMicrosPerFile: number;
  filesPerSecond: number;
  /** Spread of the rounds: (slowest − fastest) / median. */
  spread: number;
  /** Heap retained by the results of one corpus pass (after GC), per file. */
  heapKbPerFile: number;
}

/** Twice: the first full GC can leave weakly held and finalizable objects for the next one. */
const collectGarbage = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
};

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function heapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Runs the tool over every file once; a tool that throws on a file counts a crash, not an abort. */
function pass(tool: LoadedTool, files: CorpusFile[], keep?: unknown[]) {
  let crashes = 0;
  let findings = 0;
  for (const file of files) {
    try {
      const result = tool.lint(file.text);
      if (tool.countFindings) findings += tool.countFindings(result);
      keep?.push(result);
    } catch {
      crashes++;
    }
  }
  return { crashes, findings };
}

export async function prepare(
  load: () => Promise<LoadedTool>,
  files: CorpusFile[],
  minRoundMs: number,
): Promise<PreparedTool> {
  const heapBeforeLoad = heapMb();
  const loadStart = performance.now();
  const tool = await load();
  const loadMs = performance.now() - loadStart;
  const loadHeapMb = heapMb() - heapBeforeLoad;
  // The first pass counts crashes and findings; then warm up until steady.
  const { crashes, findings } = pass(tool, files);
  const warmUp = warmUpUntilSteady(tool, files, minRoundMs);
  const passesPerRound = Math.max(
    1,
    Math.ceil(minRoundMs / Math.max(warmUp.lastPassMs, 0.001)),
  );
  return {
    tool,
    loadMs,
    loadHeapMb,
    crashes,
    findings: tool.countFindings ? findings : undefined,
    passesPerRound,
    warmUpCpuMs: warmUp.cpuMs,
  };
}

/** A warm-up block must beat the best earlier one by this much to count as still warming up. */
const WARM_UP_GAIN = 0.03;
/** Blocks in a row without that gain before the tool counts as steady (load spikes make single blocks slow). */
const STEADY_BLOCKS = 3;
/** Bounds the bench's run time for a tool that never settles. */
const MAX_WARM_UP_BLOCKS = 40;

/**
 * Warms the JIT up in blocks of `blockMs` CPU time until the speed stops
 * improving. A fixed warm-up is not enough for every tool: the parse floor
 * is a few hot functions and is optimized within one block, while our
 * analysis runs some 600 functions (49 rules, the stage model, the shell
 * parsers), each called a few times per file, and V8 needed 3–4 s of CPU
 * to optimize them all; rounds timed before that ran partly unoptimized
 * code, 2–5× slower than the steady state. The warm-up's CPU time is
 * returned so that the table shows that one-off cost instead of hiding it.
 */
function warmUpUntilSteady(
  tool: LoadedTool,
  files: CorpusFile[],
  blockMs: number,
): { cpuMs: number; lastPassMs: number } {
  const start = cpuMs();
  let bestMicrosPerFile = Infinity;
  let blocksWithoutGain = 0;
  let lastPassMs = 0;
  for (
    let block = 0;
    block < MAX_WARM_UP_BLOCKS && blocksWithoutGain < STEADY_BLOCKS;
    block++
  ) {
    const blockStart = cpuMs();
    let passes = 0;
    while (cpuMs() - blockStart < blockMs) {
      const passStart = cpuMs();
      pass(tool, files);
      lastPassMs = cpuMs() - passStart;
      passes++;
    }
    const microsPerFile =
      ((cpuMs() - blockStart) * 1000) / (passes * files.length);
    if (microsPerFile < bestMicrosPerFile * (1 - WARM_UP_GAIN))
      blocksWithoutGain = 0;
    else blocksWithoutGain++;
    bestMicrosPerFile = Math.min(bestMicrosPerFile, microsPerFile);
  }
  return { cpuMs: cpuMs() - start, lastPassMs };
}

/**
 * One timed round: mean µs of CPU time (user + system, GC threads included)
 * per file. CPU time rather than wall time: on a shared machine wall time
 * mostly measures how often the process waited for a core.
 */
export function timeRound(prepared: PreparedTool, files: CorpusFile[]): number {
  const start = process.cpuUsage();
  for (let repeat = 0; repeat < prepared.passesPerRound; repeat++)
    pass(prepared.tool, files);
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / (prepared.passesPerRound * files.length);
}

/**
 * Untimed interleaved rounds before the timed ones. The tools share modules
 * (dockerfile-ast and vscode-languageserver-types serve the floor, our
 * analysis and dockerfile-utils), so a tool warmed up before the others
 * loaded finds that shared code re-optimized for their use: its first
 * round after all warm-ups ran 2–4× slower than the rest (the outlier round
 * of our row), in no process but the benchmark's.
 */
const SETTLING_ROUNDS = 2;

/**
 * Times all tools in interleaved rounds (tool A, B, C, then A, B, C again…),
 * so that load from other processes on a shared machine hits every tool alike
 * instead of skewing whichever ran during the spike.
 */
export function measureInterleaved(
  tools: PreparedTool[],
  files: CorpusFile[],
  rounds: number,
): Measurement[] {
  const perFile: number[][] = tools.map(() => []);
  for (let round = 0; round < SETTLING_ROUNDS; round++)
    tools.forEach(tool => timeRound(tool, files));
  for (let round = 0; round < rounds; round++) {
    tools.forEach((tool, index) => perFile[index].push(timeRound(tool, files)));
  }
  return tools.map((tool, index) => {
    const sorted = [...perFile[index]].sort((a, b) => a - b);
    const microsPerFile = sorted[Math.floor(sorted.length / 2)];
    return {
      ...tool,
      microsPerFile,
      fastestMicrosPerFile: sorted[0],
      filesPerSecond: 1e6 / microsPerFile,
      spread: (sorted[sorted.length - 1] - sorted[0]) / microsPerFile,
      heapKbPerFile: (retainedHeapMb(tool, files) * 1024) / files.length,
    };
  });
}

/** Median of three tries: one GC can leave another tool's garbage behind and skew a single try. */
function retainedHeapMb(prepared: PreparedTool, files: CorpusFile[]): number {
  const tries = [0, 1, 2].map(() => {
    const kept: unknown[] = [];
    const before = heapMb();
    pass(prepared.tool, files, kept);
    const retained = heapMb() - before;
    kept.length = 0;
    return retained;
  });
  return tries.sort((a, b) => a - b)[1];
}
