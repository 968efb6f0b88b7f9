import { FaultServer, startFaultServer } from '../support/faultServer';
import { Replica, startReplica } from '../support/replicaProcess';
import {
  createResilienceDatabase,
  ResilienceDatabase,
} from '../support/resilienceDatabase';
import { consistencyProblems } from '../support/storeConsistency';
import { scansPerSweep } from '../support/sweepWindows';
import { serviceName } from '../support/syntheticServices';
import { waitFor } from '../support/waitFor';
import type { ReplicaOptions } from '../backend/messages';

jest.setTimeout(300_000);

const SERVICES = 60;
/** The sweep's lease: short, so that the crashed sweep's lease expires soon. */
const LEASE_SECONDS = 10;
const TASKS_TABLE = 'backstage_backend_tasks__tasks';

/**
 * kill -9 of the only replica while it sweeps (every read is slowed down so
 * that the sweep takes a few seconds), then a restart: the scheduler's
 * janitor frees the expired lease, the next scheduled sweep scans
 * everything, and no result is lost, doubled or half-written.
 */
describe('a backend killed mid-sweep', () => {
  let scm: FaultServer;
  let database: ResilienceDatabase;
  const replicas: Replica[] = [];

  const options = (): ReplicaOptions => ({
    replica: `a${replicas.length + 1}`,
    port: 7620,
    database: database.backendConfig,
    scmHost: scm.host,
    scmBaseUrl: scm.baseUrl,
    services: SERVICES,
    schedule: {
      frequency: { seconds: 30 },
      timeout: { seconds: LEASE_SECONDS },
      initialDelay: { seconds: 1 },
    },
    concurrency: 4,
    entityTimeoutSeconds: 5,
  });

  beforeAll(async () => {
    scm = await startFaultServer({ etags: false });
    for (let index = 0; index < SERVICES; index++) {
      scm.setFault(serviceName(index), { kind: 'slow', delayMs: 250 });
    }
    database = createResilienceDatabase();
  });

  afterAll(async () => {
    await Promise.all(replicas.map(replica => replica.stop()));
    await scm?.close();
    await database?.drop();
  });

  const dockerfileReads = () =>
    [...scm.requestCounts()]
      .filter(([path]) => path.endsWith('/Dockerfile'))
      .reduce((sum, [, count]) => sum + count, 0);

  it('loses, doubles and half-writes nothing, and the next run sweeps everything', async () => {
    const first = await startReplica(options());
    replicas.push(first);
    // Past the first batch of results (50), well before the end.
    await waitFor(
      'the sweep to be under way',
      () => (dockerfileReads() >= 52 ? true : undefined),
      90_000,
      20,
    );
    await first.kill();
    expect(first.sweeps).toEqual([]);

    expect(await consistencyProblems(database)).toEqual({});
    const written = await database.query(
      `SELECT entity_ref FROM entities WHERE last_scan_id IS NOT NULL`,
    );
    const scansBeforeRestart = await database.query(
      'SELECT entity_ref FROM scans',
    );
    expect(scansBeforeRestart.length).toBe(written.length);
    const [lease] = await database.query(
      `SELECT current_run_ticket FROM ${TASKS_TABLE} WHERE id = 'alpine-advisor-catalog-sweep'`,
    );
    expect(lease.current_run_ticket).not.toBeNull();

    await waitFor(
      'the dead sweep’s lease to expire',
      async () => {
        const [expired] = await database.query(
          `SELECT current_run_expires_at < now() AS expired FROM ${TASKS_TABLE}
           WHERE id = 'alpine-advisor-catalog-sweep'`,
        );
        return expired.expired ? true : undefined;
      },
      LEASE_SECONDS * 3000,
    );
    const second = await startReplica(options());
    replicas.push(second);
    const [recovery] = await waitFor(
      'the next scheduled sweep',
      () => (second.sweeps.length > 0 ? second.sweeps : undefined),
      120_000,
    );

    expect(
      second.logs.some(log =>
        /Task timed out and was lost: alpine-advisor-catalog-sweep/.test(
          log.message,
        ),
      ),
    ).toBe(true);
    expect(recovery).toMatchObject({
      listed: SERVICES,
      analysed: SERVICES,
      failed: 0,
    });
    expect(await consistencyProblems(database)).toEqual({});
    const results = await database.query(
      `SELECT status, count(*)::int AS n FROM entities
       WHERE last_scan_id IS NOT NULL GROUP BY status`,
    );
    expect(results).toEqual([{ status: 'ok', n: SERVICES }]);
    const scans = await database.query(
      'SELECT entity_ref, started_at, trigger FROM scans',
    );
    const { perSweep, outside } = scansPerSweep([recovery], scans);
    expect(perSweep[0].size).toBe(SERVICES);
    expect(new Set(perSweep[0].values())).toEqual(new Set([1]));
    // Before the recovery sweep: exactly the results written before the crash.
    expect(outside.map(scan => scan.entity_ref).sort()).toEqual(
      written.map(row => row.entity_ref).sort(),
    );
  });
});
