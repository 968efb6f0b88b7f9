/*
 * `yarn bench:backend`: the Alpine Advisor backend plugin at catalog scale. A
 * benchmark, not a test: it prints and never fails on speed.
 *
 * For each database (SQLite file, then PostgreSQL when reachable), in a fresh
 * process so that memory figures are its own:
 *  - a stand-in SCM (child process) serves the Dockerfiles of N synthetic
 *    services (1–3 each, unique content, ETags, 304 on If-None-Match);
 *  - a real backend (backend-defaults) runs the plugin; entities list their
 *    Dockerfiles in the annotation and are read through the real
 *    FetchUrlReader (it has no tree listing);
 *  - the scheduled sweep analyses everything (full sweep), then a triggered
 *    sweep finds every repository unchanged (re-sweep);
 *  - the report API is timed over a rotation of filters, sorts, pages and
 *    rollups;
 *  - last, the re-sweep's conditional requests are made again straight
 *    through the same UrlReader, with nothing else: the floor any unchanged
 *    re-sweep through this reader pays, whatever the plugin does.
 *
 * Memory: RSS peak over both sweeps and the report phase, the V8 heap at that
 * peak (committed and used), and the live heap (after full collections) to
 * tell what the plugin holds from garbage V8 has not collected yet. V8 lets
 * garbage pile up while memory is plentiful, so a run with the old space
 * capped (`sqlite@512`) shows the RSS a deployment that sets its heap to fit
 * its pod sees.
 *
 * Environment: BENCH_SERVICES (default 10000), BENCH_CONCURRENCY (16),
 * BENCH_WORKERS (analysis worker threads; default: the plugin's),
 * BENCH_PAGE_SIZE (500), BENCH_REQUESTS (200), BENCH_DATABASES
 * (sqlite,postgres,sqlite@512,sqlite:github; `@N` caps V8's old space at N MB,
 * `:github` reads through the GitHub reader instead of fetch),
 * BENCH_POSTGRES (connection string, default the test
 * server postgresql://postgres@127.0.0.1:5432), BENCH_PROFILE_RESWEEP (a file to
 * write a CPU profile of the re-sweep to).
 */
import { fork, spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Session } from 'node:inspector';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dropDatabase, postgresReachable } from '../../support/postgresAdmin';
import {
  ServedCommit,
  ServedEtag,
  commitLookupFloor,
  conditionalReadFloor,
} from './conditionalReadFloor';
import {
  HeapAtPeak,
  collectGarbage,
  cpuMs,
  liveHeapAfterMajorGc,
  liveHeapMb,
  measureLatency,
  rssMb,
  rssSampler,
} from './measure';
import { startBenchBackend } from './startBenchBackend';
import {
  BenchReader,
  dockerfileCount,
  syntheticEntities,
} from './syntheticCatalog';

const ROOT = resolve(__dirname, '../../..');
const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 500);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WORKERS =
  process.env.BENCH_WORKERS === undefined
    ? undefined
    : Number(process.env.BENCH_WORKERS);
const POSTGRES =
  process.env.BENCH_POSTGRES ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const GOALS = {
  fullSweepS: 60,
  resweepRatio: 10,
  reportP95Ms: 100,
  rssGrowthMb: 300,
};

interface RunResult {
  database: string;
  services: number;
  dockerfiles: number;
  fullSweepMs: number;
  /** CPU time of the backend process (not the SCM server or PostgreSQL). */
  fullCpuMs: number;
  resweepCpuMs: number;
  /** 1-minute load average when the run ended: others' work on a shared machine. */
  loadAverage: number;
  analysed: number;
  failed: number;
  resweepMs: number;
  unchanged: number;
  /** The re-sweep's conditional requests alone, straight through the same UrlReader. */
  requestFloorMs: number;
  /** Backend CPU time of those requests: unlike wall time, barely moved by others' load. */
  requestFloorCpuMs: number;
  requestFloorCount: number;
  scmRequests: {
    full: Record<string, number>;
    resweep: Record<string, number>;
  };
  rssBaselineMb: number;
  rssPeakMb: number;
  /** Peak by the end of the full sweep, and of the re-sweep (the rest is the report phase). */
  rssPeakFullMb: number;
  rssPeakResweepMb: number;
  heapAtPeak: HeapAtPeak;
  /** The live heap after a full collection at the start, in MB. */
  liveHeapBaselineMb: number;
  /** Heap in use after GC, after both sweeps, minus the same before them: what the sweeps retain. */
  liveHeapGrowthMb: number;
  /** The largest heap in use right after a full GC during the sweeps, minus the baseline. */
  liveHeapPeakGrowthMb: number;
  majorCollections: number;
  report: { p50: number; p95: number; max: number; failures: string[] };
}

const REPORT_PATHS = [
  '/report',
  '/report?sort=name&page=37',
  '/report?owner=group:default/team-7&groupBy=system',
  '/report?grade=F&grade=D&category=musl',
  '/report?rule=apk-no-cache&sort=findings&order=desc',
  '/report?stale=false&compliant=true&groupBy=owner',
  '/report?search=svc-42',
  '/report?domain=domain:default/domain-3&lifecycle=production&sort=lastScanned',
  '/report?severity=error&pageSize=100&page=3',
  '/report?groupBy=domain&system=system:default/system-4',
];

function loadTemplates(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else if (/^(Dockerfile|Containerfile)|\.Dockerfile$/i.test(name)) {
        found.push(readFileSync(path, 'utf8'));
      }
    }
  };
  for (const dir of ['test/corpus', 'examples']) {
    try {
      walk(join(ROOT, dir));
    } catch {
      // One of the two is enough.
    }
    if (found.length > 0) {
      break;
    }
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function startScm(templates: string[]) {
  const child = fork(join(__dirname, 'scmServer.mjs'), [], {
    stdio: 'inherit',
  });
  const port = await new Promise<number>(resolvePort => {
    child.once('message', (message: any) => resolvePort(message.port));
    child.send({ templates, services: SERVICES });
  });
  const ask = <T>(question: string) =>
    new Promise<T>(resolveAnswer => {
      child.once('message', (message: any) => resolveAnswer(message[question]));
      child.send(question);
    });
  return {
    port,
    stats: () => ask<Record<string, number>>('stats'),
    etags: () => ask<ServedEtag[]>('etags'),
    commits: () => ask<ServedCommit[]>('commits'),
    stop: () => child.kill(),
  };
}

/** One database, in this process. */
async function runOne(
  database: string,
  reader: BenchReader,
): Promise<RunResult> {
  const templates = loadTemplates();
  const scm = await startScm(templates);
  const scmHost = `127.0.0.1:${scm.port}`;
  const entities = syntheticEntities(SERVICES, `http://${scmHost}`, reader);
  const port = await freePort();
  const sqliteDir = mkdtempSync(join(tmpdir(), 'alpine-advisor-bench-'));
  const prefix = `aa_bench_${process.pid}_`;
  const databaseConfig =
    database === 'sqlite'
      ? { client: 'better-sqlite3', connection: { directory: sqliteDir } }
      : { client: 'pg', connection: POSTGRES, prefix };

  const backend = await startBenchBackend({
    entities,
    database: databaseConfig,
    scmHost,
    port,
    concurrency: CONCURRENCY,
    pageSize: PAGE_SIZE,
    analysisWorkers: WORKERS,
    reader,
  });
  const liveHeapBaselineMb = liveHeapMb();
  const rssBaselineMb = rssMb();
  const startCpuMs = cpuMs();
  const sampler = rssSampler();
  const liveHeap = liveHeapAfterMajorGc();
  try {
    const full = await backend.firstSweep;
    const fullCpuMs = cpuMs() - startCpuMs;
    const rssPeakFullMb = sampler.peakMb();
    const fullRequests = await scm.stats();
    // Sweeps run an hour apart, long enough for V8 to collect the last one's
    // garbage; collecting it here keeps that cost out of the re-sweep, which
    // starts, like its floor below, on a collected heap.
    collectGarbage();
    const resweepStartCpuMs = cpuMs();
    const again = await profiled(process.env.BENCH_PROFILE_RESWEEP, () =>
      backend.sweepAgain(),
    );
    const resweepCpuMs = cpuMs() - resweepStartCpuMs;
    const rssPeakResweepMb = sampler.peakMb();
    const liveHeapPeakGrowthMb = liveHeap.maxMb() - liveHeapBaselineMb;
    const majorCollections = liveHeap.collections();
    liveHeap.stop();
    const liveHeapGrowthMb = liveHeapMb() - liveHeapBaselineMb;
    const resweepRequests = await scm.stats();
    const report = await measureLatency(
      `http://localhost:${port}/api/alpine-advisor`,
      REPORT_PATHS,
      REQUESTS,
    );
    const rssPeakMb = sampler.peakMb();
    const heapAtPeak = sampler.heapAtPeak();
    sampler.stop();
    // Last, so that its own garbage stays out of the plugin's memory figures.
    collectGarbage();
    const floorStartCpuMs = cpuMs();
    const floor =
      reader === 'github'
        ? await commitLookupFloor(
            backend.urlReader(),
            `http://${scmHost}`,
            await scm.commits(),
            CONCURRENCY,
          )
        : await conditionalReadFloor(
            backend.urlReader(),
            `http://${scmHost}`,
            await scm.etags(),
            CONCURRENCY,
          );
    const requestFloorCpuMs = cpuMs() - floorStartCpuMs;
    return {
      database,
      services: SERVICES,
      dockerfiles: dockerfileCount(SERVICES),
      fullSweepMs: full.durationMs,
      fullCpuMs,
      resweepCpuMs,
      loadAverage: loadavg()[0],
      analysed: full.analysed,
      failed: full.failed,
      resweepMs: again.durationMs,
      unchanged: again.unchanged,
      requestFloorMs: floor.durationMs,
      requestFloorCpuMs,
      requestFloorCount: floor.requests,
      scmRequests: { full: fullRequests, resweep: resweepRequests },
      rssBaselineMb,
      rssPeakMb,
      rssPeakFullMb,
      rssPeakResweepMb,
      heapAtPeak,
      liveHeapBaselineMb,
      liveHeapGrowthMb,
      liveHeapPeakGrowthMb,
      majorCollections,
      report,
    };
  } finally {
    sampler.stop();
    await backend.stop();
    scm.stop();
    rmSync(sqliteDir, { recursive: true, force: true });
    if (database === 'postgres') {
      await dropDatabase(POSTGRES, `${prefix}alpine-advisor`);
    }
  }
}

/** With a file name, writes a CPU profile (open it in Chrome DevTools) of `work`. */
async function profiled<T>(
  file: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (!file) {
    return work();
  }
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<any>((resolvePost, reject) =>
      session.post(method, (error, result) =>
        error ? reject(error) : resolvePost(result),
      ),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function print(results: RunResult[], skipped: string[]) {
  const first = results[0];
  console.log(
    `\nAlpine Advisor backend at scale: ${SERVICES} services, ${
      first?.dockerfiles ?? '?'
    } Dockerfiles, ` +
      `concurrency ${CONCURRENCY}, catalog pages of ${PAGE_SIZE}, ${
        cpus().length
      } cores, Node ${process.version}`,
  );
  console.log(
    'Files come from a local HTTP server through the real FetchUrlReader (annotation-listed paths, one conditional ' +
      'request per file), or, in GitHub reader columns, the real GithubUrlReader (discovered with readTree, ' +
      'one commit lookup per unchanged repository).\n',
  );
  const rows = [
    ['', ...results.map(result => result.database)],
    [
      'full sweep (s)',
      ...results.map(
        r =>
          `${seconds(r.fullSweepMs)} (${mark(
            r.fullSweepMs <= GOALS.fullSweepS * 1000,
          )})`,
      ),
    ],
    [
      '  entities/s',
      ...results.map(r => (r.services / (r.fullSweepMs / 1000)).toFixed(0)),
    ],
    ['  analysed / failed', ...results.map(r => `${r.analysed} / ${r.failed}`)],
    ['  backend CPU (s)', ...results.map(r => seconds(r.fullCpuMs))],
    [
      '  SCM answers 200/304/404',
      ...results.map(
        r =>
          `${r.scmRequests.full[200]}/${r.scmRequests.full[304]}/${r.scmRequests.full[404]}`,
      ),
    ],
    ['unchanged re-sweep (s)', ...results.map(r => seconds(r.resweepMs))],
    [
      '  speed-up vs full',
      ...results.map(
        r =>
          `${(r.fullSweepMs / r.resweepMs).toFixed(1)}x (${mark(
            r.fullSweepMs / r.resweepMs >= GOALS.resweepRatio,
          )})`,
      ),
    ],
    ['  unchanged', ...results.map(r => String(r.unchanged))],
    [
      '  its requests alone (s)',
      ...results.map(
        r =>
          `${seconds(r.requestFloorMs)} (${r.requestFloorCount} ${
            r.database.includes('GitHub')
              ? 'commit lookups'
              : 'conditional reads'
          }; full/this ${(r.fullSweepMs / r.requestFloorMs).toFixed(1)}x)`,
      ),
    ],
    [
      '  backend CPU (s)',
      ...results.map(
        r =>
          `${seconds(r.resweepCpuMs)} (its requests alone ${seconds(
            r.requestFloorCpuMs,
          )}; full/re-sweep ${(r.fullCpuMs / r.resweepCpuMs).toFixed(1)}x)`,
      ),
    ],
    [
      '  SCM answers 200/304/404',
      ...results.map(
        r =>
          `${r.scmRequests.resweep[200]}/${r.scmRequests.resweep[304]}/${r.scmRequests.resweep[404]}`,
      ),
    ],
    [
      'RSS baseline → peak (MB)',
      ...results.map(
        r => `${r.rssBaselineMb.toFixed(0)} → ${r.rssPeakMb.toFixed(0)}`,
      ),
    ],
    [
      '  peak after full / re-sweep',
      ...results.map(
        r => `${r.rssPeakFullMb.toFixed(0)} / ${r.rssPeakResweepMb.toFixed(0)}`,
      ),
    ],
    [
      '  growth (MB)',
      ...results.map(
        r =>
          `${(r.rssPeakMb - r.rssBaselineMb).toFixed(0)} (${mark(
            r.rssPeakMb - r.rssBaselineMb <= GOALS.rssGrowthMb,
          )})`,
      ),
    ],
    [
      '  at the peak: V8 heap committed / used, external',
      ...results.map(
        ({ heapAtPeak: heap }) =>
          `${heap.committed.toFixed(0)} / ${heap.used.toFixed(
            0,
          )}, ${heap.external.toFixed(0)}`,
      ),
    ],
    [
      '  live heap: baseline, growth at its peak (full GCs)',
      ...results.map(
        r =>
          `${r.liveHeapBaselineMb.toFixed(0)} MB, ${
            r.majorCollections === 0
              ? 'no full GC'
              : `+${r.liveHeapPeakGrowthMb.toFixed(0)} MB (${
                  r.majorCollections
                })`
          }`,
      ),
    ],
    [
      '  live heap growth after GC',
      ...results.map(r => `${r.liveHeapGrowthMb.toFixed(0)} MB`),
    ],
    ['load average at the end', ...results.map(r => r.loadAverage.toFixed(1))],
    [`GET /report p50 (ms)`, ...results.map(r => r.report.p50.toFixed(1))],
    [
      `GET /report p95 (ms)`,
      ...results.map(
        r =>
          `${r.report.p95.toFixed(1)} (${mark(
            r.report.p95 <= GOALS.reportP95Ms,
          )})`,
      ),
    ],
    [
      '  max (ms) / failures',
      ...results.map(
        r => `${r.report.max.toFixed(1)} / ${r.report.failures.length}`,
      ),
    ],
  ];
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => row[column].length)),
  );
  for (const row of rows) {
    console.log(
      row.map((cell, column) => cell.padEnd(widths[column])).join('   '),
    );
  }
  for (const skip of skipped) {
    console.log(`\n${skip}`);
  }
  for (const result of results) {
    for (const failure of result.report.failures.slice(0, 5)) {
      console.log(`report request failed on ${result.database}: ${failure}`);
    }
  }
  console.log(
    `\nGoals: full sweep ≤ ${GOALS.fullSweepS} s on 2 cores; unchanged re-sweep ≥ ${GOALS.resweepRatio}× faster; ` +
      `report p95 ≤ ${GOALS.reportP95Ms} ms (${REQUESTS} sequential requests over ${REPORT_PATHS.length} queries); ` +
      `RSS growth ≤ ${GOALS.rssGrowthMb} MB.`,
  );
  console.log(
    'RSS includes garbage V8 has not collected yet: with memory plentiful, V8 grows its heap lazily ' +
      '(Node’s fetch, under the UrlReader, leaves much of it). The live heap is what the sweeps keep; ' +
      'an old-space cap (`@N` columns; NODE_OPTIONS=--max-old-space-size in a deployment) bounds the rest.',
  );
}

async function main() {
  const single = process.env.BENCH_RUN_ONE;
  if (single) {
    const result = await runOne(
      single,
      (process.env.BENCH_READER as BenchReader | undefined) ?? 'fetch',
    );
    process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  }
  const wanted = (
    process.env.BENCH_DATABASES ?? 'sqlite,postgres,sqlite@512,sqlite:github'
  )
    .split(',')
    .map(name => name.trim());
  const results: RunResult[] = [];
  const skipped: string[] = [];
  for (const wantedRun of wanted) {
    // `sqlite@512`: the same run with V8's old space capped at 512 MB, as a
    // deployment sets it (NODE_OPTIONS=--max-old-space-size) to fit its pod.
    // `sqlite:github`: read through the GithubUrlReader instead of fetch.
    const [databaseAndReader, oldSpaceMb] = wantedRun.split('@');
    const [database, reader = 'fetch'] = databaseAndReader.split(':');
    if (database === 'postgres' && !(await postgresReachable(POSTGRES))) {
      skipped.push(
        `PostgreSQL skipped: nothing answers at ${POSTGRES} (set BENCH_POSTGRES).`,
      );
      continue;
    }
    const label = [
      database,
      ...(reader === 'github' ? ['GitHub reader'] : []),
      ...(oldSpaceMb ? [`heap ≤ ${oldSpaceMb} MB`] : []),
    ].join(', ');
    console.log(`Running on ${label}…`);
    const heapArgs = oldSpaceMb ? [`--max-old-space-size=${oldSpaceMb}`] : [];
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, ...heapArgs, __filename],
      {
        env: {
          ...process.env,
          BENCH_RUN_ONE: database,
          BENCH_READER: reader,
        },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.stderr.trim()) {
      process.stderr.write(run.stderr);
    }
    const line = run.stdout
      .split('\n')
      .find(text => text.startsWith('BENCH_RESULT '));
    if (!line) {
      skipped.push(
        `${label} failed (exit ${run.status}):\n${run.stdout.slice(
          -1000,
        )}${run.stderr.slice(-2000)}`,
      );
      continue;
    }
    results.push({
      ...JSON.parse(line.slice('BENCH_RESULT '.length)),
      database: label,
    });
  }
  print(results, skipped);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
