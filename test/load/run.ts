/*
 * `yarn test:load`: the Alpine Advisor API under load on loopback, with
 * 10,000 entities stored. A measurement, not a timed test: it prints
 * throughput and latency percentiles and fails only on errors (any
 * connection error, timeout or non-2xx answer).
 *
 * For each database (a SQLite file, then PostgreSQL when reachable) a real
 * backend runs the plugin over an in-memory catalog of N synthetic services
 * (1–3 Dockerfiles each, served from memory); its own scheduled sweep fills
 * the store (real analysis and writes). Then autocannon drives each endpoint
 * for a bounded time: entity reports and history (a different entity per
 * request), the org report with filters, sorts, pages and rollups, the org
 * trend, and CSV/JSON exports.
 *
 * Environment: LOAD_SERVICES (default 10000), LOAD_SECONDS per endpoint (10),
 * LOAD_CONNECTIONS (10), LOAD_DATABASES (sqlite,postgres), LOAD_POSTGRES
 * (default the test server postgresql://postgres@127.0.0.1:5432), LOAD_PORT
 * (default a free loopback port).
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, postgresReachable } from '../support/postgresAdmin';
import { syntheticEntities } from '../bench/backend/syntheticCatalog';
import { LOAD_SOURCE_BASE } from './inMemorySources';
import { startLoadBackend } from './startLoadBackend';

const SERVICES = Number(process.env.LOAD_SERVICES ?? 10_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);
const DATABASES = (process.env.LOAD_DATABASES ?? 'sqlite,postgres').split(',');
const POSTGRES =
  process.env.LOAD_POSTGRES ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const SEED_TIMEOUT_MS = 10 * 60_000;

interface Scenario {
  name: string;
  /** A path below the plugin's base URL; called per request. */
  path: () => string;
  /** Fewer connections for heavy answers such as full exports. */
  connections?: number;
}

const randomService = () => `svc-${Math.floor(Math.random() * SERVICES)}`;

const SCENARIOS: Scenario[] = [
  {
    name: 'entity report',
    path: () => `/entities/component/default/${randomService()}`,
  },
  {
    name: 'entity history',
    path: () =>
      `/entities/component/default/${randomService()}/history?days=90`,
  },
  { name: 'org report, first page', path: () => '/report' },
  {
    name: 'org report, owner + sort + page 3',
    path: () =>
      `/report?owner=group:default/team-${Math.floor(
        Math.random() * 40,
      )}&sort=score&order=asc&page=3&pageSize=20`,
  },
  {
    name: 'org report, rule + severity filter',
    path: () => '/report?rule=apk-no-cache&severity=warning&sort=findings',
  },
  { name: 'org report, rollup by owner', path: () => '/report?groupBy=owner' },
  { name: 'org report, search', path: () => '/report?search=svc-12' },
  { name: 'org trend (90 days)', path: () => '/report/history' },
  {
    name: 'export CSV, one team',
    path: () => '/report/export?format=csv&owner=group:default/team-7',
  },
  {
    name: `export JSON, all ${SERVICES}`,
    path: () => '/report/export?format=json',
    connections: 2,
  },
];

interface Measured {
  scenario: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  /** What the failures were, when there were any. */
  failureDetail: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** LOAD_PORT, or a port free on loopback now, so that runs side by side do not collide. */
function choosePort(): Promise<number> {
  if (process.env.LOAD_PORT) {
    return Promise.resolve(Number(process.env.LOAD_PORT));
  }
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

async function measure(api: string, scenario: Scenario): Promise<Measured> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: api,
        connections: scenario.connections ?? CONNECTIONS,
        duration: SECONDS,
        timeout: 30,
        requests: [
          {
            setupRequest: request => ({
              ...request,
              path: `/api/alpine-advisor${scenario.path()}`,
            }),
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    // Every response's time, for exact percentiles (autocannon's summary has no p95).
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: result.errors + result.timeouts + result.non2xx,
    failureDetail: `${result.errors} errors, ${result.timeouts} timeouts, ${
      result.non2xx
    } non-2xx (${JSON.stringify(result.statusCodeStats)})`,
  };
}

async function waitForSeed(api: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < SEED_TIMEOUT_MS) {
    try {
      const response = await fetch(`${api}/report?pageSize=1`);
      if (response.ok) {
        const { summary } = (await response.json()) as {
          summary: { entityCount: number; scoredCount: number };
        };
        if (summary.scoredCount >= SERVICES) {
          return Date.now() - started;
        }
      }
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`The sweep did not store ${SERVICES} entities in time`);
}

async function runOne(database: string): Promise<Measured[]> {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'aa-load-'));
  const prefix = `aa_load_${process.pid}_`;
  const port = await choosePort();
  const api = `http://127.0.0.1:${port}/api/alpine-advisor`;
  const backend = await startLoadBackend({
    entities: syntheticEntities(SERVICES, LOAD_SOURCE_BASE),
    database:
      database === 'sqlite'
        ? { client: 'better-sqlite3', connection: { directory: sqliteDir } }
        : { client: 'pg', connection: POSTGRES, prefix },
    port,
  });
  try {
    const seedMs = await waitForSeed(api);
    console.log(
      `\n${database}: ${SERVICES} entities stored by the sweep in ${(
        seedMs / 1000
      ).toFixed(1)} s; ` +
        `${SECONDS} s per endpoint, ${CONNECTIONS} connections`,
    );
    const results: Measured[] = [];
    for (const scenario of SCENARIOS) {
      const measured = await measure(api, scenario);
      results.push(measured);
      printRow(measured);
    }
    console.log(
      `  (1-minute load average of the machine: ${loadavg()[0].toFixed(1)} on ${
        cpus().length
      } cores; others' work included)`,
    );
    return results;
  } finally {
    await backend.stop();
    rmSync(sqliteDir, { recursive: true, force: true });
    if (database === 'postgres') {
      await dropDatabase(POSTGRES, `${prefix}alpine-advisor`);
    }
  }
}

function printRow(m: Measured) {
  console.log(
    `  ${m.scenario.padEnd(38)} ${String(m.requests).padStart(
      7,
    )} req  ${m.perSecond.toFixed(0).padStart(6)} req/s  p50 ${m.p50
      .toFixed(1)
      .padStart(7)} ms  p95 ${m.p95.toFixed(1).padStart(7)} ms  p99 ${m.p99
      .toFixed(1)
      .padStart(7)} ms  failures ${m.failures}`,
  );
  if (m.failures > 0) {
    console.log(`    ${m.failureDetail}`);
  }
}

async function main() {
  let failures = 0;
  for (const database of DATABASES) {
    if (database === 'postgres' && !(await postgresReachable(POSTGRES))) {
      console.log(`\npostgres: not reachable at ${POSTGRES}, skipped`);
      continue;
    }
    const results = await runOne(database);
    failures += results.reduce((sum, m) => sum + m.failures, 0);
  }
  if (failures > 0) {
    console.error(`\nFAILED: ${failures} errors, timeouts or non-2xx answers`);
    process.exit(1);
  }
  console.log('\nNo errors, timeouts or non-2xx answers.');
  // A stopped backend can leave timers and pool handles behind (scheduler,
  // database clients); the measurement is over, so end here rather than hang.
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
