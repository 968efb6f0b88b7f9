/*
 * Org trend (`GET /report/history`) at scale, at the store: N services with
 * D days of daily history each, seeded straight into a fresh database (a
 * sweep records one day; the trend reads ninety), then getOrgHistory timed
 * for all services, one owner, and half the services visible (the
 * permission-filtered case, the set bound as one JSON parameter).
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs test/bench/backend/orgHistory.ts
 *
 * Environment: BENCH_SERVICES (10000), BENCH_DAYS (90), BENCH_ROUNDS (20),
 * BENCH_DATABASES (sqlite,postgres), BENCH_POSTGRES (connection string,
 * default the test server), BENCH_EXPLAIN=1 prints PostgreSQL's plans.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import { Client } from 'pg';
import { createCompliancePolicy } from '../../../plugins/alpine-advisor-backend/src/database/compliance';
import { DatabaseReportStore } from '../../../plugins/alpine-advisor-backend/src/database/DatabaseReportStore';
import type { EntityVisibility } from '../../../plugins/alpine-advisor-backend/src/database/ReportStore';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 90);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const POSTGRES =
  process.env.BENCH_POSTGRES ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const MIGRATIONS = resolve(
  __dirname,
  '../../../plugins/alpine-advisor-backend/migrations',
);
const GRADES = ['A', 'B', 'C', 'D', 'F'];
const TEAMS = 40;
const INSERT_BATCH = 500;

const ref = (index: number) => `component:default/svc-${index}`;
const owner = (index: number) => `group:default/team-${index % TEAMS}`;

function dayOf(offset: number): string {
  const day = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function seed(db: Knex) {
  const now = new Date();
  for (let start = 0; start < SERVICES; start += INSERT_BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(SERVICES, start + INSERT_BATCH); i++) {
      rows.push({
        entity_ref: ref(i),
        kind: 'component',
        namespace: 'default',
        name: `svc-${i}`,
        owner: owner(i),
        status: 'ok',
        score: 50 + (i % 50),
        grade: GRADES[i % 5],
        seen_at: now,
      });
    }
    await db('entities').insert(rows);
  }
  const history = [];
  for (let day = 0; day < DAYS; day++) {
    for (let i = 0; i < SERVICES; i++) {
      history.push({
        entity_ref: ref(i),
        day: dayOf(day),
        score: 40 + ((i + day) % 60),
        grade: GRADES[(i + day) % 5],
        musl_error_count: (i + day) % 7 === 0 ? 1 : 0,
      });
    }
  }
  await db.batchInsert('score_history', history, INSERT_BATCH);
  // Statistics and (PostgreSQL) the visibility map, as autovacuum would
  // leave them after a day's writes.
  await db.raw(
    String(db.client.config.client) === 'pg' ? 'vacuum analyze' : 'analyze',
  );
}

async function freshPostgres(): Promise<{
  db: Knex;
  drop: () => Promise<void>;
}> {
  const name = `aa_bench_history_${process.pid}`;
  const admin = new Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  const db = knexFactory({ client: 'pg', connection: url.toString() });
  return {
    db,
    drop: async () => {
      await db.destroy();
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}

function freshSqlite(): { db: Knex; drop: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'aa-bench-history-'));
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  return {
    db,
    drop: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const halfVisible: EntityVisibility = {
  all: false,
  entityRefs: Array.from({ length: SERVICES }, (_, i) => i)
    .filter(i => i % 2 === 0)
    .map(ref),
};

const CASES: Array<{
  name: string;
  filter: Record<string, string[]>;
  visibility: EntityVisibility;
}> = [
  { name: 'all services', filter: {}, visibility: { all: true } },
  {
    name: 'one owner',
    filter: { owner: [owner(7)] },
    visibility: { all: true },
  },
  {
    name: `half visible (${halfVisible.entityRefs.length} refs)`,
    filter: {},
    visibility: halfVisible,
  },
];

async function benchDatabase(name: string) {
  const { db, drop } =
    name === 'postgres' ? await freshPostgres() : freshSqlite();
  try {
    await db.migrate.latest({ directory: MIGRATIONS });
    const seedStart = performance.now();
    await seed(db);
    console.log(
      `${name}: seeded ${SERVICES} services × ${DAYS} days in ${(
        (performance.now() - seedStart) /
        1000
      ).toFixed(1)} s`,
    );
    const store = new DatabaseReportStore(db, createCompliancePolicy({}));
    const sinceDay = dayOf(0);
    for (const benchCase of CASES) {
      if (process.env.BENCH_EXPLAIN && name === 'postgres') {
        await explain(db, store, benchCase, sinceDay);
      }
      const times: number[] = [];
      let points = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const start = performance.now();
        const history = await store.getOrgHistory(
          benchCase.filter,
          benchCase.visibility,
          sinceDay,
        );
        times.push(performance.now() - start);
        points = history.points.length;
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${name.padEnd(8)} ${benchCase.name.padEnd(28)} p50 ${percentile(
          times,
          0.5,
        ).toFixed(1)} ms  p95 ${percentile(times, 0.95).toFixed(
          1,
        )} ms  (${points} days, ${ROUNDS} rounds)`,
      );
    }
  } finally {
    await drop();
  }
}

/** Prints PostgreSQL's plan of the trend's query(ies), captured from knex. */
async function explain(
  db: Knex,
  store: DatabaseReportStore,
  benchCase: (typeof CASES)[number],
  sinceDay: string,
) {
  const statements: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (query: { sql: string; bindings: unknown[] }) =>
    statements.push(query);
  db.on('query', listener);
  await store.getOrgHistory(benchCase.filter, benchCase.visibility, sinceDay);
  db.off('query', listener);
  for (const statement of statements) {
    // The event carries PostgreSQL's own `$1` placeholders: run it natively.
    const connection = await db.client.acquireConnection();
    try {
      const plan = await connection.query(
        `explain (analyze, buffers) ${statement.sql}`,
        statement.bindings,
      );
      console.log(`--- ${benchCase.name}`);
      console.log(
        plan.rows
          .map((row: any) => String(row['QUERY PLAN']).slice(0, 200))
          .join('\n'),
      );
    } finally {
      await db.client.releaseConnection(connection);
    }
  }
}

async function main() {
  console.log(
    `Org trend: ${SERVICES} services × ${DAYS} days, ${ROUNDS} rounds per case`,
  );
  for (const name of DATABASES) {
    await benchDatabase(name);
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
