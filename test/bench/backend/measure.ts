/** Samples the process's resident set size; `peakMb` is the largest sample. */
export function rssSampler(intervalMs = 50) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
  }, intervalMs);
  timer.unref();
  return {
    peakMb: () => Math.max(peak, process.memoryUsage().rss) / 1024 / 1024,
    stop: () => clearInterval(timer),
  };
}

export const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

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
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
