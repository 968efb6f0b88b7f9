import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ADMIN, ALICE, SECRET_WORDS, SERVICES, USERS } from './fixtures';
import { SecurityBackend, startSecurityBackend } from './securityBackend';

jest.setTimeout(120_000);

type Backend = SecurityBackend;

/** Every read endpoint of the plugin, as a list of paths below its base URL. */
const READ_PATHS = [
  '/report',
  '/report?groupBy=owner',
  '/report?groupBy=system',
  '/report?groupBy=domain',
  '/report?sort=findings&order=desc&pageSize=500',
  '/report?search=secret',
  '/report?owner=team-x',
  '/report?system=x-ledger',
  '/report?rule=alpine-eol',
  '/report/history',
  '/report/history?days=30&owner=team-x',
  '/report/export?format=csv',
  '/report/export?format=json',
  '/report/export?format=csv&owner=team-x',
];

describe('permissions with a real policy module (team-scoped users)', () => {
  let backend: Backend;

  beforeAll(async () => {
    backend = await startSecurityBackend({ services: SERVICES, users: USERS });
  });

  const get = (path: string, user: string) =>
    request(backend.server)
      .get(`${backend.api}${path}`)
      .set('Authorization', backend.asUser(user));

  it('lets an unrestricted user see every entity, so the checks below can fail', async () => {
    const report = await get('/report?pageSize=500', ADMIN);
    expect(report.status).toBe(200);
    expect(report.body.summary.entityCount).toBe(3);
    expect(report.body.summary.topRules.map((r: any) => r.ruleId)).toEqual(
      expect.arrayContaining(['alpine-eol', 'apk-no-cache']),
    );
    const secret = await get(
      '/entities/component/default/secret-ledger',
      ADMIN,
    );
    expect(secret.status).toBe(200);
    for (const path of READ_PATHS) {
      const response = await get(path, ADMIN);
      expect(response.status).toBe(200);
    }
    const csv = await get('/report/export?format=csv', ADMIN);
    expect(csv.text).toContain('secret-ledger');
  });

  it('shows a restricted user their team’s entities', async () => {
    const report = await get('/report?pageSize=500', ALICE);
    expect(report.status).toBe(200);
    expect(report.body.items.map((item: any) => item.name).sort()).toEqual([
      'payments-api',
      'payments-worker',
    ]);
    expect(report.body.summary).toMatchObject({
      entityCount: 2,
      scoredCount: 2,
    });
    expect(report.body.summary.topRules.map((r: any) => r.ruleId)).toEqual([
      'apk-no-cache',
    ]);
    const own = await get('/entities/component/default/payments-worker', ALICE);
    expect(own.status).toBe(200);
  });

  it.each(['', '/history', '/history?days=30'])(
    'answers 404 for a hidden entity’s report%s, as for an unknown one',
    async suffix => {
      const hidden = await get(
        `/entities/component/default/secret-ledger${suffix}`,
        ALICE,
      );
      const unknown = await get(
        `/entities/component/default/no-such-service${suffix}`,
        ALICE,
      );
      expect(hidden.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(hidden.body.error.name).toBe(unknown.body.error.name);
      expect(JSON.stringify(hidden.body.error)).not.toMatch(/team-x|x-ledger/);
    },
  );

  it.each(READ_PATHS)(
    'leaks nothing of a hidden entity through %s',
    async path => {
      const response = await get(path, ALICE);
      expect(response.status).toBe(200);
      const text = response.text;
      for (const word of SECRET_WORDS) {
        expect(text).not.toContain(word);
      }
      // Rules only the hidden entity breaks must not show in tallies either.
      expect(text).not.toMatch(/alpine-eol|apk-upgrade/);
    },
  );

  it('counts only visible entities in summaries and rollups', async () => {
    const filtered = await get('/report?owner=team-x&groupBy=owner', ALICE);
    expect(filtered.body.totalCount).toBe(0);
    expect(filtered.body.summary.entityCount).toBe(0);
    expect(filtered.body.rollups.groups).toEqual([]);

    const rollups = await get('/report?groupBy=system', ALICE);
    const keys = rollups.body.rollups.groups.map((g: any) => g.key);
    expect(keys).not.toContain('system:default/x-ledger');
    const entityCounts = rollups.body.rollups.groups.map(
      (g: any) => g.entityCount,
    );
    expect(entityCounts.reduce((a: number, b: number) => a + b, 0)).toBe(2);
  });

  it('counts only visible entities in the org trend', async () => {
    const latest = async (user: string) => {
      const response = await get('/report/history?days=7', user);
      expect(response.status).toBe(200);
      return response.body.points[response.body.points.length - 1];
    };
    expect((await latest(ADMIN)).scannedCount).toBe(3);
    expect((await latest(ALICE)).scannedCount).toBe(2);
  });

  it('refuses a rescan without alpine-advisor.scan.trigger, and audits the refusal', async () => {
    backend.auditor.createEvent.mockClear();
    const refused = await request(backend.server)
      .post(`${backend.api}/entities/component/default/payments-api/rescan`)
      .set('Authorization', backend.asUser(ALICE));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('alpine-advisor.scan.trigger'),
    });

    const rescanEvents = backend.auditor.createEvent.mock.calls.filter(
      ([event]) => event.eventId === 'entity-rescan',
    );
    expect(rescanEvents).toHaveLength(1);
    expect(rescanEvents[0][0].meta).toEqual({
      entityRef: 'component:default/payments-api',
    });
    const event = await backend.auditor.createEvent.mock.results.find(
      (_result, index) =>
        backend.auditor.createEvent.mock.calls[index][0].eventId ===
        'entity-rescan',
    )!.value;
    expect(event.fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'NotAllowedError' }),
    });
    expect(event.success).not.toHaveBeenCalled();
  });

  it('lets an unrestricted user rescan, audited as a success', async () => {
    backend.auditor.createEvent.mockClear();
    const done = await request(backend.server)
      .post(`${backend.api}/entities/component/default/secret-ledger/rescan`)
      .set('Authorization', backend.asUser(ADMIN));
    expect(done.body).toMatchObject({ entityRef: expect.any(String) });
    expect(done.status).toBe(200);
    const event = await backend.auditor.createEvent.mock.results[0].value;
    expect(event.success).toHaveBeenCalled();
  });

  it('refuses a restricted user’s rescan of a hidden entity without saying it exists', async () => {
    const hidden = await request(backend.server)
      .post(`${backend.api}/entities/component/default/secret-ledger/rescan`)
      .set('Authorization', backend.asUser(ALICE));
    expect([403, 404]).toContain(hidden.status);
    expect(JSON.stringify(hidden.body)).not.toMatch(/team-x|x-ledger/);
  });

  describe('image reports (alpine-advisor.image-report.create)', () => {
    const image = {
      version: 1,
      image: {
        imageId: `sha256:${'ab'.repeat(32)}`,
        tags: [],
        libc: { libc: 'musl', evidence: [], shims: [] },
        layers: [],
        findings: [],
        stats: { files: 0, elfFiles: 0, bytes: 0 },
        notes: [],
      },
    };
    const post = (name: string, authorization: string) =>
      request(backend.server)
        .post(`${backend.api}/entities/component/default/${name}/image-reports`)
        .set('Authorization', authorization)
        .send(image);

    it('lets a restricted user report on their own service, audited', async () => {
      backend.auditor.createEvent.mockClear();
      const own = await post('payments-api', backend.asUser(ALICE));
      expect(own.status).toBe(201);
      const [[event]] = backend.auditor.createEvent.mock.calls;
      expect(event).toMatchObject({
        eventId: 'image-report-create',
        meta: { entityRef: 'component:default/payments-api' },
      });
    });

    it('refuses a restricted user’s report on a hidden service without saying it exists', async () => {
      const hidden = await post('secret-ledger', backend.asUser(ALICE));
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toMatch(/team-x|x-ledger/);
      const report = await get(
        '/entities/component/default/secret-ledger',
        ADMIN,
      );
      expect(JSON.stringify(report.body)).not.toContain('"source":"image"');
    });

    it('takes a service token (CI)', async () => {
      const ci = await post('secret-ledger', mockCredentials.service.header());
      expect(ci.status).toBe(201);
    });
  });
});
