import { FaultServer, startFaultServer } from '../support/faultServer';
import { Replica, startReplica } from '../support/replicaProcess';
import {
  createResilienceDatabase,
  ResilienceDatabase,
} from '../support/resilienceDatabase';
import { consistencyProblems } from '../support/storeConsistency';
import { serviceName } from '../support/syntheticServices';
import { waitFor } from '../support/waitFor';

jest.setTimeout(240_000);

const SERVICES = 30;
const TASKS_TABLE = 'backstage_backend_tasks__tasks';

/**
 * A slow and partly hanging SCM makes the sweep longer than its timeout.
 * The scheduler aborts it; the sweep must stop there (another replica may
 * take the lease once it expires), keep what it stored whole, give the lease
 * back, and run again when triggered.
 */
describe('a sweep that outlives its timeout', () => {
  let scm: FaultServer;
  let database: ResilienceDatabase;
  let replica: Replica;

  beforeAll(async () => {
    scm = await startFaultServer({ etags: true });
    for (let index = 0; index < SERVICES; index++) {
      scm.setFault(
        serviceName(index),
        index % 3 === 0 ? { kind: 'hang' } : { kind: 'slow', delayMs: 500 },
      );
    }
    database = createResilienceDatabase();
    replica = await startReplica({
      replica: 'a',
      port: 7640,
      database: database.backendConfig,
      scmHost: scm.host,
      scmBaseUrl: scm.baseUrl,
      services: SERVICES,
      schedule: {
        frequency: { hours: 1 },
        timeout: { seconds: 5 },
        initialDelay: { seconds: 1 },
      },
      concurrency: 2,
      entityTimeoutSeconds: 3,
    });
  });

  afterAll(async () => {
    await replica?.stop();
    await scm?.close();
    await database?.drop();
  });

  it('stops at its timeout, stores what it scanned, and gives the lease back', async () => {
    const [first] = await waitFor(
      'the first sweep',
      () => (replica.sweeps.length >= 1 ? replica.sweeps : undefined),
      120_000,
    );
    expect(
      replica.logs.some(log =>
        /sweep stopped early: the scheduler aborted it/.test(log.message),
      ),
    ).toBe(true);
    expect(first.listed).toBe(SERVICES);
    expect(first.analysed + first.failed).toBeLessThan(SERVICES);
    expect(await consistencyProblems(database)).toEqual({});
    const [stored] = await database.query(
      `SELECT count(*)::int AS n FROM scans WHERE trigger = 'schedule'`,
    );
    expect(stored.n).toBe(first.analysed + first.failed);

    await waitFor(
      'the lease to be given back',
      async () => {
        const [task] = await database.query(
          `SELECT current_run_ticket FROM ${TASKS_TABLE} WHERE id = 'alpine-advisor-catalog-sweep'`,
        );
        return task.current_run_ticket === null ? true : undefined;
      },
      30_000,
    );
    await expect(replica.trigger()).resolves.toMatchObject({ ok: true });
    await waitFor(
      'the triggered sweep',
      () => (replica.sweeps.length >= 2 ? true : undefined),
      60_000,
    );
  });
});
