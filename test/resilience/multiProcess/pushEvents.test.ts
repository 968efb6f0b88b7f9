import { createHash, createHmac, randomUUID } from 'node:crypto';
import { FaultServer, startFaultServer } from '../support/faultServer';
import { Replica, startReplica } from '../support/replicaProcess';
import {
  createResilienceDatabase,
  ResilienceDatabase,
} from '../support/resilienceDatabase';
import { serviceName } from '../support/syntheticServices';
import { waitFor } from '../support/waitFor';

jest.setTimeout(240_000);

const SERVICES = 40;
const SECRET = 'resilience-webhook-secret';

/**
 * Two backend processes on one PostgreSQL database, each with the events
 * backend (its database event bus) and the GitHub webhook module, and push
 * events on. Each synthetic service is a repository of the fault server
 * (`<scm>/svc-N`), which sends no ETags: every rescan analyses and leaves one
 * scan row with trigger `event`. Every push is delivered to both replicas at
 * once (GitHub redelivering, or two load-balanced ingresses), so the
 * database is all that keeps them from rescanning twice.
 */
describe('push events on two replicas', () => {
  let scm: FaultServer;
  let database: ResilienceDatabase;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    scm = await startFaultServer({ etags: false });
    database = createResilienceDatabase();
    for (const [replica, port] of [
      ['a', 7650],
      ['b', 7651],
    ] as const) {
      replicas.push(
        await startReplica({
          replica,
          port,
          database: database.backendConfig,
          scmHost: scm.host,
          scmBaseUrl: scm.baseUrl,
          services: SERVICES,
          // One sweep, soon after start: it stores where each service's source is.
          schedule: {
            frequency: { hours: 6 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 1 },
          },
          concurrency: 4,
          entityTimeoutSeconds: 20,
          events: {
            webhookSecret: SECRET,
            concurrency: 2,
            minimumIntervalSeconds: 0,
            pollIntervalSeconds: 1,
          },
        }),
      );
    }
    await waitFor(
      'the first sweep',
      () =>
        replicas.some(replica => replica.sweeps.length > 0) ? true : undefined,
      120_000,
    );
  });

  afterAll(async () => {
    await Promise.all(replicas.map(replica => replica.stop()));
    await scm?.close();
    await database?.drop();
  });

  /** A GitHub push to service `index`'s repository changing its Dockerfile. */
  function push(index: number, change: number) {
    const repository = `${scm.baseUrl}/${serviceName(index)}`;
    const after = createHash('sha1')
      .update(`${serviceName(index)} change ${change}`)
      .digest('hex');
    return JSON.stringify({
      ref: 'refs/heads/main',
      after,
      commits: [
        { id: after, added: [], removed: [], modified: ['Dockerfile'] },
      ],
      repository: {
        full_name: `org/${serviceName(index)}`,
        html_url: repository,
        url: repository,
        default_branch: 'main',
      },
    });
  }

  async function deliver(replica: Replica, body: string, secret = SECRET) {
    const response = await fetch(
      `http://127.0.0.1:${replica.port}/api/events/http/github`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-GitHub-Event': 'push',
          'X-GitHub-Delivery': randomUUID(),
          'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret)
            .update(body)
            .digest('hex')}`,
        },
        body,
      },
    );
    return response.status;
  }

  const eventScans = async () => {
    const rows = await database.query<{ entity_ref: string; n: string }>(
      `SELECT entity_ref, COUNT(*) AS n FROM scans WHERE trigger = 'event' GROUP BY entity_ref`,
    );
    return new Map(rows.map(row => [row.entity_ref, Number(row.n)]));
  };
  const ref = (index: number) => `component:default/${serviceName(index)}`;

  it('rescans each entity once per change, whichever replica receives it, and never on a bad signature', async () => {
    const [a, b] = replicas;
    const readsBefore = scm.requestCounts();

    // A forged push to every service, on both replicas: refused, nothing queued.
    const forged = await Promise.all(
      Array.from({ length: SERVICES }, (_, index) =>
        deliver(index % 2 ? a : b, push(index, 0), 'not-the-secret'),
      ),
    );
    expect(new Set(forged)).toEqual(new Set([403]));

    // Change 1 of every service, each delivered to both replicas at once.
    const statuses = await Promise.all(
      Array.from({ length: SERVICES }, (_, index) =>
        Promise.all([deliver(a, push(index, 1)), deliver(b, push(index, 1))]),
      ),
    );
    expect(new Set(statuses.flat())).toEqual(new Set([202]));
    const afterFirst = await waitFor(
      'a rescan of every service',
      async () => {
        const scans = await eventScans();
        return scans.size === SERVICES ? scans : undefined;
      },
      120_000,
    );
    expect(new Set(afterFirst.values())).toEqual(new Set([1]));

    // Change 2 of the first ten, each to one replica (alternating), and a
    // late redelivery of change 1 of all of them to the other.
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        deliver(index % 2 ? a : b, push(index, 2)),
      ),
    );
    await Promise.all(
      Array.from({ length: SERVICES }, (_, index) =>
        deliver(index % 2 ? b : a, push(index, 1)),
      ),
    );
    await waitFor(
      'the second rescans',
      async () => {
        const scans = await eventScans();
        return [...scans.values()].filter(n => n === 2).length >= 10
          ? true
          : undefined;
      },
      120_000,
    );
    // Both replicas poll the queue every second: give a stray second rescan time to show.
    await new Promise(resolve => setTimeout(resolve, 3_000));
    const scans = await eventScans();
    for (let index = 0; index < SERVICES; index++) {
      expect({ entity: ref(index), rescans: scans.get(ref(index)) }).toEqual({
        entity: ref(index),
        rescans: index < 10 ? 2 : 1,
      });
    }
    // The fault server saw one read per rescan.
    const reads = scm.requestCounts();
    for (let index = 0; index < SERVICES; index++) {
      const path = `/${serviceName(index)}/Dockerfile`;
      expect({
        path,
        reads: (reads.get(path) ?? 0) - (readsBefore.get(path) ?? 0),
      }).toEqual({ path, reads: index < 10 ? 2 : 1 });
    }
    const queue = await database.query(
      'SELECT COUNT(*) AS n FROM event_rescans WHERE pending',
    );
    expect(Number(queue[0].n)).toBe(0);
    const errors = replicas.flatMap(replica =>
      replica.logs.filter(log => log.level === 'error'),
    );
    expect(errors).toEqual([]);
  });
});
