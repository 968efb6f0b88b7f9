import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

const MB = 1024 * 1024;

/** What the RSS grew by between the sampler's start and its peak, in MB. */
export interface MemoryAtPeak {
  /** V8 heap of the main thread, committed (used or not). */
  heapTotal: number;
  heapUsed: number;
  /** Memory outside the V8 heap that JS objects hold (buffers…). */
  external: number;
  /** The rest: native allocations (SQLite, sockets, malloc arenas), worker threads' heaps. */
  other: number;
  /** Part of `other`: what V8 itself allocated with malloc (compiler zones…). */
  v8Malloced: number;
}

/**
 * Samples the process's resident set size; `peakMb` is the largest sample,
 * `growthAtPeak` where the growth since the start went.
 */
export function rssSampler(intervalMs = 50) {
  const start = process.memoryUsage();
  const startMalloced = getHeapStatistics().malloced_memory;
  let peak = start;
  let peakMalloced = startMalloced;
  const sample = () => {
    const usage = process.memoryUsage();
    if (usage.rss > peak.rss) {
      peak = usage;
      peakMalloced = getHeapStatistics().malloced_memory;
    }
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peakMb: () => {
      sample();
      return peak.rss / MB;
    },
    growthAtPeak: (): MemoryAtPeak => {
      const other = (usage: NodeJS.MemoryUsage) =>
        usage.rss - usage.heapTotal - usage.external;
      return {
        heapTotal: (peak.heapTotal - start.heapTotal) / MB,
        heapUsed: (peak.heapUsed - start.heapUsed) / MB,
        external: (peak.external - start.external) / MB,
        other: (other(peak) - other(start)) / MB,
        v8Malloced: (peakMalloced - startMalloced) / MB,
      };
    },
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
export async function measureLatency(
  baseUrl: string,
  paths: string[],
  requests: number,
  warmup = 20,
): Promise<{ p50: number; p95: number; max: number; failures: string[] }> {
  const failures: string[] = [];
  const get = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`);
    await response.arrayBuffer();
    if (!response.ok) {
      failures.push(`${response.status} ${path}`);
    }
  };
  for (let i = 0; i < warmup; i++) {
    await get(paths[i % paths.length]);
  }
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    await get(paths[i % paths.length]);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times[times.length - 1],
    failures,
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

/** Heap in use after a full collection (needs --expose-gc; NaN without it). */
export function liveHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    return NaN;
  }
  gc();
  gc();
  return process.memoryUsage().heapUsed / MB;
}
