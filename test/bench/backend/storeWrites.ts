/*
 * What an unchanged sweep writes, at the store: N entities with results, then
 * sweeps in which every repository is unchanged, page by page as the sweep
 * does it (catalog facts upserted and scan states read with them,
 * "unchanged" recorded with those states),
 * and the cleanup of entities that left the catalog at the end.
 *
 * Baseline, in the same run and database: the least such a sweep must write,
 * one batched `last_scanned_at` update per page and nothing else. The ratio
 * says how close the store's unchanged path is to it.
 *
 *   yarn bench:store-writes
 *
 * Environment: BENCH_SERVICES (10000), BENCH_ROUNDS (6, the first one warms
 * up and is not counted), BENCH_PAGE_SIZE (500), BENCH_DATABASES
 * (sqlite,postgres), BENCH_POSTGRES (connection string, default the test
 * server).
 */
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import {
  entityMetadata,
  fileReport,
  scanSuccess,
} from '../../../plugins/alpine-advisor-backend/src/__testUtils__/fixtures';
import { DatabaseScanStore } from '../../../plugins/alpine-advisor-backend/src/database/DatabaseScanStore';
import { postgresReachable } from '../../support/postgresAdmin';
import { POSTGRES, freshDatabase } from './freshDatabase';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 500);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const HOUR_MS = 3_600_000;
const T0 = new Date('2026-03-01T10:00:00Z');

const entities = Array.from({ length: SERVICES }, (_, index) =>
  entityMetadata(`svc-${index}`, {
    owner: `group:default/team-${index % 40}`,
  }),
);
const pages = Array.from(
  { length: Math.ceil(SERVICES / PAGE_SIZE) },
  (_, page) => entities.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE),
);

async function seed(store: DatabaseScanStore) {
  for (const page of pages) {
    await store.upsertEntities(page, T0);
    await store.recordSuccesses(
      page.map(entity => scanSuccess(entity.entityRef, [fileReport()])),
    );
  }
}

/** The store's writes for one sweep that finds every repository unchanged. */
async function unchangedSweep(store: DatabaseScanStore, at: Date) {
  const listed = new Set<string>();
  for (const page of pages) {
    const refs = page.map(entity => entity.entityRef);
    refs.forEach(ref => listed.add(ref));
    // As the sweep: the states read with the facts say what must be written.
    const states = await store.upsertEntities(page, at);
    await store.recordUnchanged(refs, at, states);
  }
  await store.deleteEntitiesNotListed(listed, at);
}

/** The least an unchanged sweep writes: when each entity was checked. */
async function checkedAtOnly(db: Knex, at: Date) {
  for (const page of pages) {
    await db('entities')
      .whereIn(
        'entity_ref',
        page.map(entity => entity.entityRef),
      )
      .update({ last_scanned_at: at });
  }
}

async function meanMs(rounds: number, sweep: (at: Date) => Promise<void>) {
  let total = 0;
  for (let round = 0; round < rounds; round++) {
    const at = new Date(T0.getTime() + (round + 1) * HOUR_MS);
    const start = performance.now();
    await sweep(at);
    if (round > 0) {
      total += performance.now() - start;
    }
  }
  return total / (rounds - 1);
}

async function benchDatabase(name: 'sqlite' | 'postgres') {
  const { db, drop } = await freshDatabase(name, 'writes');
  try {
    const store = new DatabaseScanStore(db);
    await seed(store);
    // Alternated so that both see the same database state and machine load.
    let storeMs = 0;
    let baselineMs = 0;
    for (let turn = 0; turn < 2; turn++) {
      storeMs += await meanMs(ROUNDS, at => unchangedSweep(store, at));
      baselineMs += await meanMs(ROUNDS, at => checkedAtOnly(db, at));
    }
    storeMs /= 2;
    baselineMs /= 2;
    console.log(
      `  ${name.padEnd(8)}  store ${storeMs.toFixed(0).padStart(5)} ms` +
        `   checked-at update alone ${baselineMs.toFixed(0).padStart(5)} ms` +
        `   ratio ${(storeMs / baselineMs).toFixed(1)}x`,
    );
  } finally {
    await drop();
  }
}

async function main() {
  console.log(
    `Unchanged sweep, store writes: ${SERVICES} entities, pages of ${PAGE_SIZE}, mean of ${
      ROUNDS - 1
    } sweeps (twice, alternated with the baseline)`,
  );
  for (const name of DATABASES) {
    if (name === 'postgres' && !(await postgresReachable(POSTGRES))) {
      console.log(`  postgres skipped: nothing answers at ${POSTGRES}`);
      continue;
    }
    await benchDatabase(name === 'postgres' ? 'postgres' : 'sqlite');
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
