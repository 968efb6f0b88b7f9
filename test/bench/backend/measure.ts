import { readFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';

const MB = 1024 * 1024;

/**
 * The V8 heap of the main thread at the RSS peak, in MB. Absolute figures,
 * not growth: V8 commits heap pages long before it touches them, so the
 * committed size at the start says little about the resident size, and a
 * growth split of RSS into heap and "the rest" would book re-touched heap
 * pages as native memory.
 */
export interface HeapAtPeak {
  /** Committed (used or free). */
  committed: number;
  /** Live objects and garbage not collected yet. */
  used: number;
  /** Memory outside the V8 heap that JS objects hold (buffers…). */
  external: number;
}

/** Samples the process's resident set size; `peakMb` is the largest sample. */
export function rssSampler(intervalMs = 50) {
  let peak = process.memoryUsage();
  const sample = () => {
    const usage = process.memoryUsage();
    if (usage.rss > peak.rss) {
      peak = usage;
    }
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peakMb: () => {
      sample();
      return peak.rss / MB;
    },
    heapAtPeak: (): HeapAtPeak => ({
      committed: peak.heapTotal / MB,
      used: peak.heapUsed / MB,
      external: peak.external / MB,
    }),
    stop: () => clearInterval(timer),
  };
}

export const rssMb = () => process.memoryUsage().rss / MB;

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const index = Math.min(
    sorted.length - 1,
    Math.ceil(fraction * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}

/** Times sequential GETs over a rotation of paths, after a warm-up. */
export interface PathLatency {
  path: string;
  p50: number;
  p95: number;
  /**
   * The path's first request, before the warm-up: what a replica answers
   * before any cache of its own holds the path (the warm percentiles show
   * what it answers after).
   */
  first: number;
}

export interface Latency {
  p50: number;
  p95: number;
  max: number;
  failures: string[];
  /** The same per path: which of a group's queries is slow. */
  byPath: PathLatency[];
}

/**
 * A GET, sent again once when the kept-alive connection it went out on was
 * reset. The server closes a connection idle for its keep-alive timeout;
 * with SQLite, a long synchronous write in this same process (the history
 * backfill) holds both sides' timers until the server's fires as the next
 * request goes out. Browsers and HTTP clients retry an idempotent request
 * on a reused connection so closed; so does this.
 */
async function fetchRetryingReset(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'ECONNRESET') {
      throw error;
    }
    return await fetch(url);
  }
}

export async function measureLatency(
  baseUrl: string,
  paths: string[],
  requests: number,
  warmup = 20,
): Promise<Latency> {
  const failures: string[] = [];
  const get = async (path: string) => {
    const response = await fetchRetryingReset(`${baseUrl}${path}`);
    await response.arrayBuffer();
    if (!response.ok) {
      failures.push(`${response.status} ${path}`);
    }
  };
  const firstByPath = new Map<string, number>();
  for (let i = 0; i < Math.max(warmup, paths.length); i++) {
    const path = paths[i % paths.length];
    const start = performance.now();
    await get(path);
    if (!firstByPath.has(path)) {
      firstByPath.set(path, performance.now() - start);
    }
  }
  const times: number[] = [];
  const timesByPath = new Map<string, number[]>(paths.map(path => [path, []]));
  for (let i = 0; i < requests; i++) {
    const path = paths[i % paths.length];
    const start = performance.now();
    await get(path);
    const elapsed = performance.now() - start;
    times.push(elapsed);
    timesByPath.get(path)!.push(elapsed);
  }
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  const all = sorted(times);
  return {
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    max: all[all.length - 1],
    failures,
    byPath: [...timesByPath].map(([path, list]) => ({
      path,
      p50: percentile(sorted(list), 0.5),
      p95: percentile(sorted(list), 0.95),
      first: firstByPath.get(path)!,
    })),
  };
}

/**
 * The heap in use right after each full (mark-compact) collection, in MB:
 * what the process really held at those moments, garbage excluded. Its
 * maximum tells memory held during the sweeps from heap V8 merely had not
 * collected yet.
 */
export function liveHeapAfterMajorGc() {
  let maxMb = 0;
  let collections = 0;
  const observer = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        collections += 1;
        maxMb = Math.max(maxMb, process.memoryUsage().heapUsed / MB);
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    maxMb: () => maxMb,
    collections: () => collections,
    stop: () => observer.disconnect(),
  };
}

/** CPU time (user + system) of this process so far. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** How long a thread ran on a core, and how long it was ready but waited for one. */
export interface ThreadTimes {
  cpuMs: number;
  waitMs: number;
}

/**
 * The calling thread's times, from Linux's scheduler statistics
 * (`/proc/thread-self/schedstat`, in nanoseconds); undefined elsewhere.
 * Called on the main thread, they are the event loop's own: the sweep's
 * JavaScript, apart from V8's helper threads (concurrent and parallel
 * garbage collection, compilation), which `process.cpuUsage()` adds in and
 * which an unchanged re-sweep keeps busier than its floor. The wait is the
 * time others' work on the machine took from it.
 */
export function mainThreadTimes(): ThreadTimes | undefined {
  try {
    const [runNs, waitNs] = readFileSync('/proc/thread-self/schedstat', 'utf8')
      .trim()
      .split(' ')
      .map(Number);
    if (!Number.isFinite(runNs) || !Number.isFinite(waitNs)) {
      return undefined;
    }
    return { cpuMs: runNs / 1e6, waitMs: waitNs / 1e6 };
  } catch {
    return undefined;
  }
}

/** `end` minus `start`, when both could be read. */
export function threadTimesSince(
  start: ThreadTimes | undefined,
  end = mainThreadTimes(),
): ThreadTimes | undefined {
  return start && end
    ? { cpuMs: end.cpuMs - start.cpuMs, waitMs: end.waitMs - start.waitMs }
    : undefined;
}

/** Runs full collections; false without --expose-gc. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    return false;
  }
  gc();
  gc();
  return true;
}

/** Heap in use after a full collection (needs --expose-gc; NaN without it). */
export function liveHeapMb(): number {
  return collectGarbage() ? process.memoryUsage().heapUsed / MB : NaN;
}
