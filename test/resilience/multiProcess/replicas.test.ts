import type { SweepEvent } from '../backend/messages';
import { FaultServer, startFaultServer } from '../support/faultServer';
import { Replica, startReplica } from '../support/replicaProcess';
import {
  createResilienceDatabase,
  ResilienceDatabase,
} from '../support/resilienceDatabase';
import { overlappingSweeps, scansPerSweep } from '../support/sweepWindows';
import { serviceName } from '../support/syntheticServices';
import { waitFor } from '../support/waitFor';

jest.setTimeout(240_000);

const SERVICES = 40;
const SWEEPS = 4;

/**
 * Two backend processes on one PostgreSQL database with the real scheduler
 * and a sweep every 5 seconds. The fault server sends no ETags, so every
 * sweep analyses every entity and leaves one scan row per entity.
 */
describe('two replicas on one database', () => {
  let scm: FaultServer;
  let database: ResilienceDatabase;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    scm = await startFaultServer({ etags: false });
    database = createResilienceDatabase();
    for (const [replica, port] of [
      ['a', 7610],
      ['b', 7611],
    ] as const) {
      replicas.push(
        await startReplica({
          replica,
          port,
          database: database.backendConfig,
          scmHost: scm.host,
          scmBaseUrl: scm.baseUrl,
          services: SERVICES,
          schedule: {
            frequency: { seconds: 5 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 1 },
          },
          concurrency: 4,
          entityTimeoutSeconds: 20,
        }),
      );
    }
  });

  afterAll(async () => {
    await Promise.all(replicas.map(replica => replica.stop()));
    await scm?.close();
    await database?.drop();
  });

  const allSweeps = (): SweepEvent[] =>
    replicas.flatMap(replica => replica.sweeps);
  const leaseIsFree = async () => {
    const [task] = await database.query(
      `SELECT current_run_ticket FROM backstage_backend_tasks__tasks
       WHERE id = 'alpine-advisor-catalog-sweep'`,
    );
    return task.current_run_ticket === null ? true : undefined;
  };

  it('scans every entity exactly once per sweep, whichever replica sweeps', async () => {
    // The replica that polls first tends to win every claim; freezing it
    // between two sweeps makes the other one take the next.
    const [first] = await waitFor(
      'the first sweep',
      () => (allSweeps().length > 0 ? allSweeps() : undefined),
      120_000,
    );
    await waitFor('the lease to be free', leaseIsFree, 30_000, 50);
    const winner = replicas.find(replica => replica.name === first.replica)!;
    const other = replicas.find(replica => replica !== winner)!;
    winner.pause();
    try {
      await waitFor(
        `a sweep on replica ${other.name}`,
        () => (other.sweeps.length > 0 ? true : undefined),
        60_000,
      );
    } finally {
      winner.resume();
    }
    await waitFor(
      `${SWEEPS} sweeps`,
      () => (allSweeps().length >= SWEEPS ? true : undefined),
      120_000,
    );
    const sweeps = allSweeps();
    const scans = await database.query(
      'SELECT entity_ref, started_at, trigger FROM scans',
    );
    const { perSweep, outside } = scansPerSweep(sweeps, scans);
    console.info(
      `sweeps: ${sweeps
        .map(sweep => `${sweep.replica} ${sweep.endedAt - sweep.startedAt} ms`)
        .join(', ')}; scan rows: ${scans.length}`,
    );

    expect(overlappingSweeps(sweeps)).toEqual([]);
    expect(new Set(sweeps.map(sweep => sweep.replica))).toEqual(
      new Set(['a', 'b']),
    );
    for (const [index, counts] of perSweep.entries()) {
      expect({ sweep: index, entities: counts.size }).toEqual({
        sweep: index,
        entities: SERVICES,
      });
      expect(new Set(counts.values())).toEqual(new Set([1]));
      expect(sweeps[index]).toMatchObject({ listed: SERVICES, failed: 0 });
    }
    // A sweep still running when we looked may have scanned part of the catalog.
    const partial = new Map<string, number>();
    for (const scan of outside) {
      partial.set(scan.entity_ref, (partial.get(scan.entity_ref) ?? 0) + 1);
    }
    expect([...partial.values()].every(count => count === 1)).toBe(true);
    // The fault server saw the same: one read per entity per sweep (and
    // at most one more for a sweep in progress).
    const reads = scm.requestCounts();
    for (let index = 0; index < SERVICES; index++) {
      const count = reads.get(`/${serviceName(index)}/Dockerfile`) ?? 0;
      expect(count - perSweep.length).toBeGreaterThanOrEqual(0);
      expect(count - perSweep.length).toBeLessThanOrEqual(1);
    }
  });

  it('rescans on either replica, and both serve the same results', async () => {
    const [a, b] = replicas;
    for (const [replica, name] of [
      [a, serviceName(3)],
      [b, serviceName(4)],
    ] as const) {
      const response = await replica.api(
        `/entities/component/default/${name}/rescan`,
        { method: 'POST' },
      );
      expect({ replica: replica.name, status: response.status }).toEqual({
        replica: replica.name,
        status: 200,
      });
    }
    const rescans = await database.query(
      `SELECT entity_ref FROM scans WHERE trigger = 'rescan' ORDER BY entity_ref`,
    );
    expect(rescans.map(row => row.entity_ref)).toEqual([
      `component:default/${serviceName(3)}`,
      `component:default/${serviceName(4)}`,
    ]);

    for (const path of [
      `/entities/component/default/${serviceName(3)}`,
      `/entities/component/default/${serviceName(4)}`,
      `/entities/component/default/${serviceName(4)}/history`,
      '/report?pageSize=100&sort=name',
      '/report?groupBy=owner',
    ]) {
      const { fromA, fromB } = await readBetweenWrites(a, b, path);
      expect(fromB).toEqual(fromA);
    }
  });
});

/**
 * Reads `path` from a, then b, then a again, until a answered the same both
 * times: no sweep wrote in between, so b saw the same database state.
 */
async function readBetweenWrites(a: Replica, b: Replica, path: string) {
  const read = async (replica: Replica) => {
    const response = await replica.api(path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.text();
  };
  return waitFor(
    `${path} read between two writes`,
    async () => {
      const first = await read(a);
      const fromB = await read(b);
      const second = await read(a);
      return first === second
        ? { fromA: JSON.parse(first), fromB: JSON.parse(fromB) }
        : undefined;
    },
    30_000,
    50,
  );
}
