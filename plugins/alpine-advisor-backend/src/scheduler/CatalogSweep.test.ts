import {
  SourceRateLimitedError,
  SourceRefusedError,
} from '@alpine-advisor/backstage-plugin-node';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  APK_CACHE_DOCKERFILE,
  CLEAN_DOCKERFILE,
  component,
  system,
} from '../__testUtils__/entities';
import { createScanHarness, T0 } from '../__testUtils__/scanHarness';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const ALL = { all: true } as const;
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('CatalogSweep', () => {
  it('scans every component in scope, page by page, and stores reports', async () => {
    const harness = await createScanHarness({
      databases,
      entities: [
        component('orders', { system: 'checkout' }),
        component('billing', { owner: 'group:default/team-b' }),
        component('search'),
        system('checkout', 'commerce'),
      ],
      repositories: {
        'https://scm.test/orders/': {
          files: { Dockerfile: CLEAN_DOCKERFILE },
          revision: 'r1',
        },
        'https://scm.test/billing/': {
          files: {
            'apps/api/Dockerfile': APK_CACHE_DOCKERFILE,
            Dockerfile: CLEAN_DOCKERFILE,
          },
          revision: 'r1',
        },
        'https://scm.test/search/': {
          files: { Dockerfile: APK_CACHE_DOCKERFILE },
          revision: 'r1',
        },
      },
    });

    const summary = await harness.sweep();

    expect(summary).toMatchObject({
      listed: 3,
      analysed: 3,
      failed: 0,
      removed: 0,
      complete: true,
    });
    const orders = await harness.reports.getEntityReport(
      'component:default/orders',
    );
    expect(orders).toMatchObject({
      title: 'The orders service',
      owner: 'group:default/team-a',
      system: 'system:default/checkout',
      domain: 'domain:default/commerce',
      score: 100,
      grade: 'A',
      status: 'ok',
      stale: false,
      sourceLocation: 'url:https://scm.test/orders/',
      scan: { revision: 'r1', trigger: 'schedule' },
    });
    const billing = await harness.reports.getEntityReport(
      'component:default/billing',
    );
    expect(billing?.owner).toBe('group:default/team-b');
    expect(billing?.dockerfiles.map(file => [file.path, file.grade])).toEqual([
      ['apps/api/Dockerfile', 'B'],
      ['Dockerfile', 'A'],
    ]);
    expect(billing?.dockerfiles[0].findings[0]).toMatchObject({
      ruleId: 'apk-no-cache',
      line: 2,
      fix: { description: expect.stringContaining('--no-cache') },
    });
    await expect(
      harness.reports.getHistory('component:default/search'),
    ).resolves.toEqual([{ day: '2026-03-01', score: 88, grade: 'B' }]);
  });

  it('costs one conditional read per unchanged repository and writes nothing new', async () => {
    const harness = await createScanHarness({
      databases,
      entities: [component('orders'), component('search')],
      repositories: {
        'https://scm.test/orders/': {
          files: { Dockerfile: CLEAN_DOCKERFILE },
          revision: 'r1',
        },
        'https://scm.test/search/': {
          files: { Dockerfile: APK_CACHE_DOCKERFILE },
          revision: 'r1',
        },
      },
    });
    await harness.sweep();
    harness.clock.now = minutes(60);
    harness.reader.reads.length = 0;

    const summary = await harness.sweep();

    expect(summary).toMatchObject({ analysed: 0, unchanged: 2 });
    expect(harness.reader.reads.map(read => read.revision)).toEqual([
      'r1',
      'r1',
    ]);
    expect(await harness.db('scans').count({ n: '*' })).toEqual([{ n: 2 }]);
    const orders = await harness.reports.getEntityReport(
      'component:default/orders',
    );
    expect(orders?.lastScannedAt).toBe(minutes(60).toISOString());
    expect(orders?.lastSuccessAt).toBe(T0.toISOString());
  });

  it('analyses again when the repository changed', async () => {
    const repositories = {
      'https://scm.test/search/': {
        files: { Dockerfile: APK_CACHE_DOCKERFILE },
        revision: 'r1',
      },
    };
    const harness = await createScanHarness({
      databases,
      entities: [component('search')],
      repositories,
    });
    await harness.sweep();
    repositories['https://scm.test/search/'] = {
      files: { Dockerfile: CLEAN_DOCKERFILE },
      revision: 'r2',
    };
    harness.clock.now = new Date('2026-03-02T10:00:00Z');

    await expect(harness.sweep()).resolves.toMatchObject({ analysed: 1 });
    await expect(
      harness.reports.getHistory('component:default/search'),
    ).resolves.toEqual([
      { day: '2026-03-01', score: 88, grade: 'B' },
      { day: '2026-03-02', score: 100, grade: 'A' },
    ]);
  });

  it('re-analyses unchanged repositories when the organisation rules change', async () => {
    const entities = [component('search')];
    const repositories = {
      'https://scm.test/search/': {
        files: { Dockerfile: APK_CACHE_DOCKERFILE },
        revision: 'r1',
      },
    };
    const first = await createScanHarness({
      databases,
      entities,
      repositories,
    });
    await first.sweep();
    const state = await first.store.getScanStates(['component:default/search']);
    const other = await createScanHarness({
      databases,
      entities,
      repositories,
      organisationConfig: { ignore: ['apk-no-cache'] },
    });
    await other.store.upsertEntities([], T0);
    other.reader.reads.length = 0;

    await other.scanner.scan(
      entities[0],
      state.get('component:default/search'),
      'schedule',
    );

    expect(other.reader.reads[0].revision).toBeUndefined();
  });

  it('records failures as states, keeps the last good result stale, and goes on', async () => {
    const repositories: Record<string, any> = {
      'https://scm.test/orders/': {
        files: { Dockerfile: CLEAN_DOCKERFILE },
        revision: 'r1',
      },
      'https://scm.test/empty/': {
        files: { 'README.md.alpine-advisor.yaml': '' },
        revision: 'r1',
      },
      'https://scm.test/broken-config/': {
        files: {
          Dockerfile: CLEAN_DOCKERFILE,
          '.alpine-advisor.yaml': 'severity:\n  no-such-rule: error\n',
        },
        revision: 'r1',
      },
    };
    const entities = [
      component('orders'),
      component('empty'),
      component('gone-repo'),
      component('broken-config'),
      component('no-source', {
        annotations: { 'backstage.io/source-location': '' },
      }),
      component('escaping', {
        annotations: {
          'alpine-advisor.io/dockerfiles': '../secrets/Dockerfile',
        },
      }),
      component('opted-out', {
        annotations: { 'alpine-advisor.io/disabled': 'true' },
      }),
    ];
    const harness = await createScanHarness({
      databases,
      entities,
      repositories,
    });
    await harness.sweep();
    repositories['https://scm.test/orders/'] = {
      failWith: new Error(
        'Request failed for https://scm.test/orders/, 500 Internal Server Error',
      ),
    };
    harness.clock.now = minutes(60);

    const summary = await harness.sweep();

    expect(summary).toMatchObject({
      listed: 7,
      failed: 5,
      refused: 1,
      disabled: 1,
      complete: true,
    });
    const states = Object.fromEntries(
      (
        await harness.reports.queryReport({ sort: 'name', status: [] }, ALL)
      ).items.map(item => [item.name, [item.status, item.stale, item.score]]),
    );
    expect(states).toEqual({
      'broken-config': ['invalid-config', false, null],
      empty: ['no-dockerfile', false, null],
      escaping: ['refused', false, null],
      'gone-repo': ['unreadable', false, null],
      'no-source': ['no-source', false, null],
      orders: ['unreadable', true, 100],
    });
    const orders = await harness.reports.getEntityReport(
      'component:default/orders',
    );
    expect(orders?.error).toMatch(/500 Internal Server Error/);
    expect(orders?.dockerfiles).toHaveLength(1);
    const broken = await harness.reports.getEntityReport(
      'component:default/broken-config',
    );
    expect(broken?.error).toMatch(/\.alpine-advisor\.yaml/);
    const escaping = await harness.reports.getEntityReport(
      'component:default/escaping',
    );
    expect(escaping?.error).toMatch(/path traversal refused/);
    const optedOut = await harness.reports.queryReport(
      { status: ['disabled'] },
      ALL,
    );
    expect(optedOut.items.map(item => item.name)).toEqual(['opted-out']);
  });

  it('keeps a source refused by policy apart from failures: no results, not stale, not failing', async () => {
    const repositories: Record<string, any> = {
      'https://scm.test/orders/': {
        files: { Dockerfile: APK_CACHE_DOCKERFILE },
        revision: 'r1',
      },
      'https://scm.test/billing/': {
        files: { Dockerfile: CLEAN_DOCKERFILE },
        revision: 'r1',
      },
    };
    const harness = await createScanHarness({
      databases,
      entities: [component('orders'), component('billing')],
      repositories,
    });
    await harness.sweep();
    // The policy changes: the reader now refuses the orders source.
    repositories['https://scm.test/orders/'] = {
      failWith: new SourceRefusedError(
        'Local source /srv/orders refused: it is not under the allowed directories',
      ),
    };
    harness.clock.now = minutes(60);

    const summary = await harness.sweep();

    expect(summary).toMatchObject({
      listed: 2,
      refused: 1,
      failed: 0,
      unchanged: 1,
    });
    const orders = await harness.reports.getEntityReport(
      'component:default/orders',
    );
    expect(orders).toMatchObject({
      status: 'refused',
      stale: false,
      score: null,
      grade: null,
      dockerfiles: [],
      error: expect.stringMatching(/not under the allowed directories/),
    });
    const report = await harness.reports.queryReport({ sort: 'name' }, ALL);
    expect(
      report.items.map(item => [item.name, item.status, item.stale]),
    ).toEqual([
      ['billing', 'ok', false],
      ['orders', 'refused', false],
    ]);
    expect(report.summary).toMatchObject({
      entityCount: 2,
      scoredCount: 1,
      staleCount: 0,
      failingCount: 0,
    });
    // Findings read before the refusal are not tallied any more.
    expect(report.summary.topRules).toEqual([]);

    // Allowed again: the next sweep reads and scores it like any other.
    repositories['https://scm.test/orders/'] = {
      files: { Dockerfile: CLEAN_DOCKERFILE },
      revision: 'r2',
    };
    harness.clock.now = minutes(120);
    await expect(harness.sweep()).resolves.toMatchObject({
      analysed: 1,
      refused: 0,
    });
    await expect(
      harness.reports.getEntityReport('component:default/orders'),
    ).resolves.toMatchObject({ status: 'ok', stale: false, grade: 'A' });
  });

  it('times out a hanging repository without holding up the others', async () => {
    const harness = await createScanHarness({
      databases,
      entities: [component('slow'), component('orders')],
      repositories: {
        'https://scm.test/slow/': { hang: true },
        'https://scm.test/orders/': {
          files: { Dockerfile: CLEAN_DOCKERFILE },
          revision: 'r1',
        },
      },
      timeoutMs: 50,
    });

    await expect(harness.sweep()).resolves.toMatchObject({
      analysed: 1,
      failed: 1,
    });
    const slow = await harness.reports.getEntityReport(
      'component:default/slow',
    );
    expect(slow).toMatchObject({
      status: 'timeout',
      error: expect.stringMatching(/timed out/),
    });
    const slowRead = harness.reader.reads.find(
      read => read.location.target === 'https://scm.test/slow/',
    );
    expect(slowRead?.signal.aborted).toBe(true);
  });

  it('waits out a rate limit before reading the repository again', async () => {
    const repositories: Record<string, any> = {
      'https://scm.test/busy/': {
        failWith: new SourceRateLimitedError(
          '429 Too Many Requests',
          30 * 60_000,
        ),
      },
    };
    const harness = await createScanHarness({
      databases,
      entities: [component('busy')],
      repositories,
    });
    await harness.sweep();
    repositories['https://scm.test/busy/'] = {
      files: { Dockerfile: CLEAN_DOCKERFILE },
      revision: 'r1',
    };

    harness.clock.now = minutes(10);
    await expect(harness.sweep()).resolves.toMatchObject({
      deferred: 1,
      analysed: 0,
    });
    harness.clock.now = minutes(31);
    await expect(harness.sweep()).resolves.toMatchObject({
      deferred: 0,
      analysed: 1,
    });
    expect(harness.reader.reads).toHaveLength(2);
  });

  it('deletes entities that left the catalog, but only after a complete listing', async () => {
    const harness = await createScanHarness({
      databases,
      entities: [component('orders'), component('legacy')],
      repositories: {
        'https://scm.test/orders/': {
          files: { Dockerfile: CLEAN_DOCKERFILE },
          revision: 'r1',
        },
        'https://scm.test/legacy/': {
          files: { Dockerfile: CLEAN_DOCKERFILE },
          revision: 'r1',
        },
      },
    });
    await harness.sweep();
    harness.clock.now = minutes(60);

    const summary = await harness.sweepOver([component('orders')]);

    expect(summary.removed).toBe(1);
    await expect(
      harness.reports.getEntityReport('component:default/legacy'),
    ).resolves.toBeUndefined();
    await expect(
      harness.reports.getEntityReport('component:default/orders'),
    ).resolves.toBeDefined();
  });

  it('stops scanning when the scheduler aborts it, stores what it scanned, and the next sweep scans the rest', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const harness = await createScanHarness({
      databases,
      entities: names.map(name => component(name)),
      repositories: Object.fromEntries(
        names.map(name => [
          `https://scm.test/${name}/`,
          { files: { Dockerfile: CLEAN_DOCKERFILE }, revision: 'r1' },
        ]),
      ),
    });
    // The scheduler aborts (timeout or lost lease) once two reads went out.
    const scheduler = new AbortController();
    const read = harness.reader.read.bind(harness.reader);
    harness.reader.read = async request => {
      if (harness.reader.reads.length === 1) {
        scheduler.abort();
      }
      return read(request);
    };

    const summary = await harness.sweep(scheduler.signal);

    expect(summary.complete).toBe(false);
    expect(summary.removed).toBe(0);
    expect(summary.stopped).toBeGreaterThan(0);
    expect(summary.analysed).toBe(harness.reader.reads.length);
    expect(harness.reader.reads.length).toBeLessThan(names.length);
    const report = await harness.reports.queryReport({ sort: 'name' }, ALL);
    expect(report.items.filter(item => item.status === 'ok')).toHaveLength(
      summary.analysed,
    );
    expect(harness.logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/sweep stopped early: the scheduler aborted it/),
    );

    // The next sweep scans the rest.
    const next = await harness.sweep();
    expect(next).toMatchObject({ complete: true, stopped: 0 });
    expect(next.analysed).toBe(names.length - summary.analysed);
  });
});
