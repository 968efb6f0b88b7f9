import { FaultServer, startFaultServer } from '../support/faultServer';
import { restartPostgres } from '../support/postgresOutage';
import { Replica, startReplica } from '../support/replicaProcess';
import {
  createResilienceDatabase,
  ResilienceDatabase,
} from '../support/resilienceDatabase';
import { consistencyProblems } from '../support/storeConsistency';
import { serviceName } from '../support/syntheticServices';
import { waitFor } from '../support/waitFor';

jest.setTimeout(300_000);

const SERVICES = 60;
const OUTAGE_SECONDS = 4;

/**
 * PostgreSQL goes away for a few seconds in the middle of a sweep: the
 * plugin says what it could not store yet, tries again until the database is
 * back, loses nothing, serves again, and the schedule goes on — all without
 * a backend restart.
 */
describe('a database outage during a sweep', () => {
  let scm: FaultServer;
  let database: ResilienceDatabase;
  let replica: Replica;

  beforeAll(async () => {
    scm = await startFaultServer({ etags: false });
    for (let index = 0; index < SERVICES; index++) {
      scm.setFault(serviceName(index), { kind: 'slow', delayMs: 200 });
    }
    database = createResilienceDatabase();
    replica = await startReplica({
      replica: 'a',
      port: 7630,
      database: database.backendConfig,
      scmHost: scm.host,
      scmBaseUrl: scm.baseUrl,
      services: SERVICES,
      schedule: {
        frequency: { seconds: 20 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 1 },
      },
      concurrency: 4,
      entityTimeoutSeconds: 5,
    });
  });

  afterAll(async () => {
    await replica?.stop();
    await scm?.close();
    await database?.drop();
  });

  it('reports what it could not write and recovers without a restart', async () => {
    await waitFor(
      'the first sweep',
      () => (replica.sweeps.length >= 1 ? true : undefined),
      120_000,
    );
    const before = await database.query(
      'SELECT entity_ref, last_scan_id FROM entities ORDER BY entity_ref',
    );
    expect(before).toHaveLength(SERVICES);

    // The second sweep: stop the database a few reads in, before the first
    // batch of results is written, and keep it down over that write.
    scm.resetCounts();
    await waitFor(
      'the second sweep to be under way',
      () => (sumOf(scm.requestCounts()) >= 2 * 40 ? true : undefined),
      60_000,
      20,
    );
    await restartPostgres(OUTAGE_SECONDS);

    const response = await waitFor(
      'the API to answer again',
      async () => {
        const answer = await replica.api('/report?pageSize=100');
        return answer.status === 200 ? answer : undefined;
      },
      30_000,
      500,
    );
    expect((await response.json()).items).toHaveLength(SERVICES);
    const [, interrupted] = await waitFor(
      'the interrupted sweep to finish',
      () => (replica.sweeps.length >= 2 ? replica.sweeps : undefined),
      120_000,
    );

    // It said what it could not write, and that it wrote it in the end.
    const said = (level: string, pattern: RegExp) =>
      replica.logs.some(
        log => log.level === level && pattern.test(log.message),
      );
    expect(
      said(
        'warn',
        /could not store \d+ scan results, the database is unreachable .*trying again/,
      ),
    ).toBe(true);
    expect(said('error', /could not store \d+ scan results/)).toBe(false);
    expect(interrupted).toMatchObject({
      listed: SERVICES,
      analysed: SERVICES,
      failed: 0,
    });
    expect(await consistencyProblems(database)).toEqual({});
    const stored = await database.query(
      `SELECT status, stale, count(*)::int AS n FROM entities
       WHERE last_scanned_at >= $1 GROUP BY status, stale`,
      [new Date(interrupted.startedAt - 5)],
    );
    expect(stored).toEqual([{ status: 'ok', stale: false, n: SERVICES }]);

    // The sweep's lease was released: the schedule goes on, same process.
    await waitFor(
      'the next scheduled sweep',
      () => (replica.sweeps.length >= 3 ? true : undefined),
      60_000,
    );
    expect(replica.sweeps[2]).toMatchObject({ analysed: SERVICES, failed: 0 });
  });
});

function sumOf(counts: Map<string, number>): number {
  return [...counts.values()].reduce((sum, count) => sum + count, 0);
}
