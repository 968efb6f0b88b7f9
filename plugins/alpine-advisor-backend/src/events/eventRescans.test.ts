import type { SourceReadRequest } from '@alpine-advisor/backstage-plugin-node';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import {
  APK_CACHE_DOCKERFILE,
  CLEAN_DOCKERFILE,
} from '../__testUtils__/entities';
import { FakeRepository } from '../__testUtils__/InMemorySourceReader';
import { githubPush } from '../__testUtils__/pushPayloads';
import { createScanHarness } from '../__testUtils__/scanHarness';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { DatabaseEventRescanStore } from './DatabaseEventRescanStore';
import { EventRescanQueue } from './EventRescanQueue';
import { PushEventSubscriber } from './PushEventSubscriber';
import { RepositoryEntityIndex } from './RepositoryEntityIndex';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const REPO = 'https://github.com/acme/shop';
const folderOf = (name: string) => `${REPO}/tree/main/services/${name}/`;
const commit = (n: number) => n.toString(16).padStart(40, '0');

function service(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      annotations: {
        'backstage.io/source-location': `url:${folderOf(name)}`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/**
 * The scan pipeline on a real store (harness), swept once so that every
 * entity's source location is stored, plus the event room: index, queue,
 * subscriber. `replica` builds another queue and subscriber over `db`.
 */
async function createEventHarness(
  databaseId: TestDatabaseId,
  names: string[],
  options: {
    concurrency?: number;
    minimumIntervalMs?: number;
    /** More entities, with their repositories. */
    more?: { entities: Entity[]; repositories: Record<string, FakeRepository> };
    /** `alpineAdvisor.catalogFilter` as the event room sees it. */
    filter?: Record<string, string>;
  } = {},
) {
  const entities = [...names.map(service), ...(options.more?.entities ?? [])];
  const repositories: Record<string, FakeRepository> = {
    ...options.more?.repositories,
  };
  for (const name of names) {
    repositories[folderOf(name)] = {
      files: { Dockerfile: CLEAN_DOCKERFILE },
      revision: 'r1',
    };
  }
  const harness = await createScanHarness({
    databases,
    databaseId,
    entities,
    repositories,
  });
  // Reads by the sweep and by events, and how many ran at once.
  let reading = 0;
  let mostAtOnce = 0;
  const realRead = harness.reader.read.bind(harness.reader);
  harness.reader.read = async (request: SourceReadRequest) => {
    reading += 1;
    mostAtOnce = Math.max(mostAtOnce, reading);
    try {
      // A real repository answers later: rescans overlap.
      await new Promise(resolve => setTimeout(resolve, 2));
      return await realRead(request);
    } finally {
      reading -= 1;
    }
  };
  const summary = await harness.sweep();
  expect(summary.analysed).toBe(entities.length);
  const catalog = catalogServiceMock({ entities });
  const now = () => harness.clock.now;

  const replica = (db: Knex, name: string) => {
    const store = new DatabaseEventRescanStore(db);
    const logger = mockServices.logger.mock();
    const rescanned: string[] = [];
    const queue = new EventRescanQueue({
      store,
      scanStore: new DatabaseScanStore(db),
      scanner: harness.scanner,
      catalog,
      auth: mockServices.auth(),
      logger,
      concurrency: options.concurrency ?? 4,
      minimumIntervalMs: options.minimumIntervalMs ?? 15_000,
      leaseMs: 120_000,
      deduplicationWindowMs: 14 * 86_400_000,
      now,
      onRescanned: ({ entityRef }) => rescanned.push(entityRef),
    });
    const subscriber = new PushEventSubscriber({
      events: mockServices.events.mock(),
      index: new RepositoryEntityIndex({
        store,
        catalog,
        auth: mockServices.auth(),
        filter: options.filter ?? { kind: 'Component' },
      }),
      queue,
      logger,
    });
    return { name, store, queue, subscriber, logger, rescanned };
  };

  const eventReads = () =>
    harness.reader.reads
      .slice(entities.length)
      .map(read => read.location.target);
  /** Entities read by push-event rescans (after the sweep), sorted: one read per rescan. */
  const eventScans = () =>
    harness.reader.reads
      .slice(entities.length)
      .map(read => read.location.target.split('/').slice(-2)[0])
      .map(name => `component:default/${name}`)
      .sort();
  return {
    ...harness,
    entities,
    replica,
    eventReads,
    eventScans,
    mostAtOnce: () => mostAtOnce,
    resetMostAtOnce: () => {
      mostAtOnce = 0;
    },
  };
}

describe.each(databases.eachSupportedId())(
  'push-event rescans on %p',
  databaseId => {
    it('rescans only the entities whose Dockerfiles or config a push changed, with trigger event', async () => {
      const harness = await createEventHarness(databaseId, [
        'orders',
        'billing',
        'search',
      ]);
      const a = harness.replica(harness.db, 'a');
      harness.reader.repositories[folderOf('orders')] = {
        files: { Dockerfile: APK_CACHE_DOCKERFILE },
        revision: 'r2',
      };

      const handled = await a.subscriber.handle(
        'github.push',
        githubPush({
          repository: REPO,
          commits: [
            {
              modified: [
                'services/orders/Dockerfile',
                'services/billing/README.md',
              ],
            },
            { added: ['docs/Dockerfile.md'] },
          ],
        }),
      );
      expect(handled).toMatchObject({
        repository: REPO,
        candidates: 3,
        affected: ['component:default/orders'],
        unaffected: 2,
        queued: ['component:default/orders'],
        duplicates: 0,
      });
      await a.queue.drain();

      expect(harness.eventReads()).toEqual([folderOf('orders')]);
      const report = await harness.reports.getEntityReport(
        'component:default/orders',
      );
      expect(report).toMatchObject({
        grade: 'B',
        scan: { trigger: 'event', revision: 'r2' },
      });
      expect(a.rescanned).toEqual(['component:default/orders']);
    });

    it('finds entities by their github.com/project-slug annotation when their source is elsewhere', async () => {
      const mirror = 'https://mirror.example.com/shop/';
      const mirrored: Entity = {
        ...service('mirrored'),
        metadata: {
          name: 'mirrored',
          namespace: 'default',
          uid: 'uid-mirrored',
          annotations: {
            'backstage.io/source-location': `url:${mirror}`,
            'github.com/project-slug': 'acme/mirrored',
          },
        },
      };
      const harness = await createEventHarness(databaseId, ['orders'], {
        more: {
          entities: [mirrored],
          repositories: {
            [mirror]: {
              files: { Dockerfile: CLEAN_DOCKERFILE },
              revision: 'r1',
            },
          },
        },
      });
      const a = harness.replica(harness.db, 'a');
      const pushTo = (ref: string, paths: string[], after: string) => ({
        ...githubPush({
          repository: 'https://github.com/acme/mirrored',
          ref,
          after,
          commits: [{ modified: paths }],
        }),
      });

      expect(
        await a.subscriber.handle(
          'github.push',
          pushTo('refs/heads/main', ['src/app.ts'], commit(1)),
        ),
      ).toMatchObject({ candidates: 1, affected: [], unaffected: 1 });
      expect(
        await a.subscriber.handle(
          'github.push',
          pushTo('refs/heads/dev', ['Dockerfile'], commit(2)),
        ),
      ).toMatchObject({ candidates: 1, affected: [], otherBranch: 1 });
      expect(
        await a.subscriber.handle(
          'github.push',
          pushTo('refs/heads/main', ['Dockerfile'], commit(3)),
        ),
      ).toMatchObject({ affected: ['component:default/mirrored'] });
      await a.queue.drain();
      expect(harness.eventReads()).toEqual([mirror]);
    });

    it('does nothing for the same push delivered again, on either replica', async () => {
      const harness = await createEventHarness(databaseId, ['orders']);
      const a = harness.replica(harness.db, 'a');
      const push = githubPush({
        commits: [{ modified: ['services/orders/Dockerfile'] }],
      });
      await a.subscriber.handle('github.push', push);
      await a.queue.drain();
      const again = await a.subscriber.handle('github.push', push);
      const b = harness.replica(harness.db, 'b');
      const onB = await b.subscriber.handle('github.push', push);
      await Promise.all([a.queue.drain(), b.queue.drain()]);

      expect(again).toMatchObject({ queued: [], duplicates: 1 });
      expect(onB).toMatchObject({ queued: [], duplicates: 1 });
      expect(harness.eventScans()).toEqual(['component:default/orders']);
      expect(harness.eventReads()).toHaveLength(1);
    });

    it('skips an entity stored by a sweep that has since left the scanned scope', async () => {
      const harness = await createEventHarness(
        databaseId,
        ['orders', 'billing'],
        {
          filter: { kind: 'Component', 'spec.lifecycle': 'production' },
        },
      );
      const a = harness.replica(harness.db, 'a');
      // Retired after the sweep stored it: out of the scope the sweep scans.
      harness.entities[0].spec!.lifecycle = 'deprecated';

      const handled = await a.subscriber.handle(
        'github.push',
        githubPush({
          repository: REPO,
          commits: [
            {
              modified: [
                'services/orders/Dockerfile',
                'services/billing/Dockerfile',
              ],
            },
          ],
        }),
      );
      await a.queue.drain();

      expect(handled).toMatchObject({
        candidates: 2,
        skipped: 1,
        affected: ['component:default/billing'],
      });
      expect(harness.eventScans()).toEqual(['component:default/billing']);
    });

    it('ignores and logs a push to a repository no scanned entity lives in', async () => {
      const harness = await createEventHarness(databaseId, ['orders']);
      const a = harness.replica(harness.db, 'a');

      const handled = await a.subscriber.handle(
        'github.push',
        githubPush({
          repository: 'https://github.com/acme/unknown',
          commits: [{ modified: ['Dockerfile'] }],
        }),
      );
      await a.queue.drain();

      expect(handled).toMatchObject({ candidates: 0, queued: [] });
      expect(a.logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          'push to https://github.com/acme/unknown (main) ignored: no scanned entity has its source in that repository',
        ),
      );
      expect(harness.eventReads()).toEqual([]);
      expect(await a.store.pendingCount()).toBe(0);
    });

    it('queues a flood (one push touching 300 services) and rescans each once, 4 at a time', async () => {
      const names = Array.from({ length: 300 }, (_, i) => `svc-${i}`);
      const harness = await createEventHarness(databaseId, names, {
        concurrency: 4,
      });
      const a = harness.replica(harness.db, 'a');
      harness.resetMostAtOnce();

      const handled = await a.subscriber.handle(
        'github.push',
        githubPush({
          commits: [
            { modified: names.map(name => `services/${name}/Dockerfile`) },
          ],
        }),
      );
      // The webhook is answered once the rows are in: at most 4 rescans started.
      expect(handled).toMatchObject({
        queued: expect.any(Array),
        duplicates: 0,
      });
      expect((handled as { queued: string[] }).queued).toHaveLength(300);
      expect(a.queue.active).toBeLessThanOrEqual(4);
      expect(await a.store.pendingCount()).toBe(300);

      await a.queue.drain();

      expect(harness.mostAtOnce()).toBeLessThanOrEqual(4);
      expect(harness.mostAtOnce()).toBeGreaterThan(1);
      const scans = harness.eventScans();
      expect(scans).toHaveLength(300);
      expect(new Set(scans).size).toBe(300);
      expect(await a.store.pendingCount()).toBe(0);
    });

    it('rate-limits each entity: changes pushed meanwhile wait and go in one rescan', async () => {
      const harness = await createEventHarness(databaseId, ['orders'], {
        minimumIntervalMs: 60_000,
      });
      const a = harness.replica(harness.db, 'a');
      const pushOf = (n: number) =>
        githubPush({
          after: commit(n),
          commits: [{ modified: ['services/orders/Dockerfile'] }],
        });
      await a.subscriber.handle('github.push', pushOf(1));
      await a.queue.drain();
      harness.clock.now = new Date(harness.clock.now.getTime() + 10_000);
      await a.subscriber.handle('github.push', pushOf(2));
      await a.subscriber.handle('github.push', pushOf(3));
      await a.queue.drain();
      expect(harness.eventScans()).toHaveLength(1);
      expect(await a.store.pendingCount()).toBe(1);

      harness.clock.now = new Date(harness.clock.now.getTime() + 51_000);
      await a.queue.drain();
      expect(harness.eventScans()).toHaveLength(2);
      expect(await a.store.pendingCount()).toBe(0);
    });

    it('two replicas, each receiving the same pushes at once: every entity rescanned once per change', async () => {
      const names = Array.from({ length: 40 }, (_, i) => `svc-${i}`);
      const harness = await createEventHarness(databaseId, names, {
        concurrency: 3,
        minimumIntervalMs: 0,
      });
      // PostgreSQL: a second connection pool to the same database, as another
      // backend process has. SQLite (in memory) is one process's database.
      let second: Knex | undefined;
      if (databaseId === 'POSTGRES_15') {
        second = knexFactory({
          client: 'pg',
          connection: harness.db.client.config.connection,
          pool: { min: 0, max: 5 },
        });
      }
      try {
        const a = harness.replica(harness.db, 'a');
        const b = harness.replica(second ?? harness.db, 'b');
        const first = githubPush({
          after: commit(1),
          commits: [
            { modified: names.map(name => `services/${name}/Dockerfile`) },
          ],
        });
        const next = githubPush({
          after: commit(2),
          commits: [{ modified: ['services/svc-7/.alpine-advisor.yaml'] }],
        });

        const handled = await Promise.all([
          a.subscriber.handle('github.push', first),
          b.subscriber.handle('github.push', first),
        ]);
        await Promise.all([a.queue.drain(), b.queue.drain()]);
        await Promise.all([
          a.subscriber.handle('github.push', next),
          b.subscriber.handle('github.push', next),
        ]);
        await Promise.all([a.queue.drain(), b.queue.drain()]);

        const queued = handled.map(h => (h as { queued: string[] }).queued);
        expect(queued[0].length + queued[1].length).toBe(40);
        expect(new Set([...queued[0], ...queued[1]]).size).toBe(40);
        const scans = harness.eventScans();
        const perEntity = new Map<string, number>();
        for (const ref of scans) {
          perEntity.set(ref, (perEntity.get(ref) ?? 0) + 1);
        }
        expect(perEntity.size).toBe(40);
        expect(perEntity.get('component:default/svc-7')).toBe(2);
        expect(
          [...perEntity.entries()].filter(([ref, count]) =>
            ref === 'component:default/svc-7' ? count !== 2 : count !== 1,
          ),
        ).toEqual([]);
        // Both replicas took a share of the flood.
        expect(a.rescanned.length + b.rescanned.length).toBe(41);
        expect(a.rescanned.length).toBeGreaterThan(0);
        expect(b.rescanned.length).toBeGreaterThan(0);
      } finally {
        await second?.destroy();
      }
    });
  },
);

describe.each(databases.eachSupportedId())(
  'DatabaseEventRescanStore on %p',
  databaseId => {
    it('claims once, keeps changes that arrive during a scan pending, and hands on a lapsed lease', async () => {
      const harness = await createEventHarness(databaseId, ['orders']);
      const store = new DatabaseEventRescanStore(harness.db);
      const t = (s: number) => new Date(harness.clock.now.getTime() + s * 1000);
      const change = (n: number) => ({
        entityRef: 'component:default/orders',
        commit: commit(n),
        repository: REPO,
      });

      expect(await store.queueChanges([change(1), change(1)], t(0))).toEqual([
        'component:default/orders',
      ]);
      expect(await store.queueChanges([change(1)], t(0))).toEqual([]);
      expect(await store.claimable(t(0), 10)).toEqual([
        'component:default/orders',
      ]);
      expect(
        await store.claim('component:default/orders', 'x', t(0), t(60)),
      ).toBe(true);
      expect(
        await store.claim('component:default/orders', 'y', t(1), t(61)),
      ).toBe(false);
      expect(await store.claimable(t(1), 10)).toEqual([]);

      // A change during the scan: still pending once the scan is done.
      expect(await store.queueChanges([change(2)], t(2))).toEqual([
        'component:default/orders',
      ]);
      expect(
        await store.finish('component:default/orders', 'x', {
          scanned: true,
          at: t(3),
          notBefore: t(13),
        }),
      ).toBe(true);
      expect(await store.pendingCount()).toBe(1);
      expect(await store.claimable(t(12), 10)).toEqual([]);
      expect(await store.claimable(t(13), 10)).toEqual([
        'component:default/orders',
      ]);

      // A replica that dies holding the claim: another takes it when the lease lapses.
      expect(
        await store.claim('component:default/orders', 'z', t(13), t(73)),
      ).toBe(true);
      expect(await store.claimable(t(72), 10)).toEqual([]);
      expect(
        await store.claim('component:default/orders', 'w', t(74), t(134)),
      ).toBe(true);
      // The lapsed claim's late finish changes nothing.
      expect(
        await store.finish('component:default/orders', 'z', {
          scanned: true,
          at: t(75),
          notBefore: t(75),
        }),
      ).toBe(false);
      await store.finish('component:default/orders', 'w', {
        scanned: true,
        at: t(76),
        notBefore: t(76),
      });
      expect(await store.pendingCount()).toBe(0);

      // Pruning forgets old changes: the same commit queues again after it.
      expect(await store.pruneBefore(t(100))).toBe(2);
      expect(await store.queueChanges([change(1)], t(101))).toEqual([
        'component:default/orders',
      ]);
    });

    it('finds entities by repository, ignoring case and treating LIKE characters literally', async () => {
      const harness = await createEventHarness(databaseId, ['orders']);
      await harness.store.upsertEntities(
        [
          {
            entityRef: 'component:default/under_score',
            kind: 'component',
            namespace: 'default',
            name: 'under_score',
          },
        ],
        harness.clock.now,
      );
      await harness
        .db('entities')
        .where('entity_ref', 'component:default/under_score')
        .update({
          source_location: 'url:https://github.com/acme/a_b/tree/main/',
        });
      const store = new DatabaseEventRescanStore(harness.db);

      expect(
        await store.entitiesInRepositories(['https://GITHUB.com/Acme/Shop/']),
      ).toEqual([
        {
          entityRef: 'component:default/orders',
          sourceLocation: `url:${folderOf('orders')}`,
        },
      ]);
      expect(
        await store.entitiesInRepositories(['https://github.com/acme/aXb']),
      ).toEqual([]);
      expect(
        await store.entitiesInRepositories(['https://github.com/acme/a_b']),
      ).toHaveLength(1);
      expect(
        await store.entitiesInRepositories(['https://github.com/acme']),
      ).toHaveLength(2);
      expect(
        await store.entitiesInRepositories(['https://github.com/acme/sho']),
      ).toEqual([]);
    });
  },
);
