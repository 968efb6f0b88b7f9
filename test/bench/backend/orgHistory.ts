/*
 * Org trend (`GET /report/history`) at scale, at the store: N services with
 * D days of daily history each, seeded straight into a fresh database (a
 * sweep records one day; the trend reads ninety), then getOrgHistory timed
 * for all services, one owner, and half the services visible (the
 * permission-filtered case, the set bound as one JSON parameter).
 *
 *   yarn bench:org-trend
 *
 * Environment: BENCH_SERVICES (10000), BENCH_DAYS (90), BENCH_ROUNDS (20),
 * BENCH_DATABASES (sqlite,postgres), BENCH_POSTGRES (connection string,
 * default the test server), BENCH_EXPLAIN=1 prints PostgreSQL's plans.
 */
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { DatabaseReportStore } from '../../../plugins/alpine-advisor-backend/src/database/DatabaseReportStore';
import type { EntityVisibility } from '../../../plugins/alpine-advisor-backend/src/database/ReportStore';
import { createCompliancePolicy } from '../../../plugins/alpine-advisor-backend/src/service/report/compliance';
import { ReportService } from '../../../plugins/alpine-advisor-backend/src/service/report/ReportService';
import { freshDatabase } from './freshDatabase';
import { dayOf, GRADES, INSERT_BATCH, owner, ref } from './syntheticHistory';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 90);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');

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
  const { db, drop } = await freshDatabase(
    name === 'postgres' ? 'postgres' : 'sqlite',
    'history',
  );
  try {
    const seedStart = performance.now();
    await seed(db);
    console.log(
      `${name}: seeded ${SERVICES} services × ${DAYS} days in ${(
        (performance.now() - seedStart) /
        1000
      ).toFixed(1)} s`,
    );
    const store = new ReportService(
      new DatabaseReportStore(db),
      createCompliancePolicy({}),
    );
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
  store: ReportService,
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
