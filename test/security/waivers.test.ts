import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ADMIN, ALICE, SECRET_WORDS, SERVICES, USERS } from './fixtures';
import { SecurityBackend, startSecurityBackend } from './securityBackend';

jest.setTimeout(120_000);

const DAY = 24 * 60 * 60 * 1000;
/** Relative to the backend's clock, which is the real one here. */
const inDays = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString();

describe('waivers: permissions, audit and hostile input (team-scoped users)', () => {
  let backend: SecurityBackend;

  beforeAll(async () => {
    backend = await startSecurityBackend({ services: SERVICES, users: USERS });
  });

  const get = (path: string, user: string) =>
    request(backend.server)
      .get(`${backend.api}${path}`)
      .set('Authorization', backend.asUser(user));
  const post = (path: string, user: string, body?: object) => {
    const call = request(backend.server)
      .post(`${backend.api}${path}`)
      .set('Authorization', backend.asUser(user));
    return body ? call.send(body) : call;
  };
  const waive = (entity: string, user: string, body: object = {}) =>
    post(`/entities/component/default/${entity}/waivers`, user, {
      ruleId: 'apk-no-cache',
      reason: 'curl from a pinned mirror',
      expiresAt: inDays(5),
      ...body,
    });

  it('lets an owner waive a finding of their service: audited, marked, not counted', async () => {
    const before = await get(
      '/entities/component/default/payments-worker',
      ALICE,
    );
    expect(before.body.findingCounts.warning).toBeGreaterThan(0);
    backend.auditor.createEvent.mockClear();

    const created = await waive('payments-worker', ALICE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityRef: 'component:default/payments-worker',
      ruleId: 'apk-no-cache',
      status: 'active',
      createdBy: ALICE,
    });
    const [[event]] = backend.auditor.createEvent.mock.calls;
    expect(event).toMatchObject({
      eventId: 'waiver-create',
      meta: expect.objectContaining({
        entityRef: 'component:default/payments-worker',
        ruleId: 'apk-no-cache',
      }),
    });
    const audit = await backend.auditor.createEvent.mock.results[0].value;
    expect(audit.success).toHaveBeenCalledWith({
      meta: { waiverId: created.body.id, status: 'active' },
    });

    const after = await get(
      '/entities/component/default/payments-worker',
      ALICE,
    );
    expect(after.body.waivedCount).toBe(1);
    expect(after.body.score).toBeGreaterThan(before.body.score);
    const finding = after.body.dockerfiles[0].findings.find(
      (f: any) => f.ruleId === 'apk-no-cache',
    );
    expect(finding.waived.waiverId).toBe(created.body.id);

    const list = await get(
      '/entities/component/default/payments-worker/waivers',
      ALICE,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: any) => w.id)).toEqual([created.body.id]);

    // The org report, its CSV and JSON exports and the expiring-soon list say it too.
    const report = await get('/report?search=payments-worker', ALICE);
    expect(report.status).toBe(200);
    expect(report.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/payments-worker',
        waivedCount: 1,
        score: after.body.score,
      }),
    ]);
    const csv = await get(
      '/report/export?format=csv&search=payments-worker',
      ALICE,
    );
    expect(csv.status).toBe(200);
    const [header, row] = csv.text.trim().split('\n');
    const waivedColumn = header.split(',').indexOf('waived');
    expect(waivedColumn).toBeGreaterThan(-1);
    expect(row.split(',')[waivedColumn]).toBe('1');
    const json = await get(
      '/report/export?format=json&search=payments-worker',
      ALICE,
    );
    expect(JSON.parse(json.text)).toEqual([
      expect.objectContaining({ waivedCount: 1 }),
    ]);
    const expiring = await get('/waivers?expiringWithinDays=14', ALICE);
    expect(expiring.body.items.map((w: any) => w.id)).toContain(
      created.body.id,
    );
  });

  it('refuses a waiver of a hidden entity without saying it exists, and audits the refusal', async () => {
    backend.auditor.createEvent.mockClear();
    const hidden = await waive('secret-ledger', ALICE, { ruleId: 'root-user' });
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toMatch(/team-x|x-ledger/);
    const audit = await backend.auditor.createEvent.mock.results[0].value;
    expect(audit.fail).toHaveBeenCalled();
    expect(audit.success).not.toHaveBeenCalled();
  });

  it('keeps other teams’ waivers out of a restricted user’s org-wide list', async () => {
    const admins = await waive('secret-ledger', ADMIN, { ruleId: 'root-user' });
    expect(admins.status).toBe(201);
    const mine = await get('/waivers', ALICE);
    expect(mine.status).toBe(200);
    for (const word of SECRET_WORDS) {
      expect(JSON.stringify(mine.body)).not.toContain(word);
    }
    const all = await get('/waivers', ADMIN);
    expect(all.body.items.map((w: any) => w.entityRef)).toContain(
      'component:default/secret-ledger',
    );
    // Approving or revoking a hidden waiver: as unknown as a made-up id.
    for (const action of ['approve', 'revoke']) {
      const hidden = await post(`/waivers/${admins.body.id}/${action}`, ALICE);
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toMatch(/team-x|x-ledger/);
    }
  });

  it('refuses approval without alpine-advisor.waiver.approve, lets the owner revoke', async () => {
    const created = await waive('payments-api', ALICE, {
      ruleId: 'base-image-latest',
    });
    expect(created.status).toBe(201);
    const approve = await post(`/waivers/${created.body.id}/approve`, ALICE);
    expect(approve.status).toBe(403);
    expect(approve.body.error.message).toContain(
      'alpine-advisor.waiver.approve',
    );
    const revoke = await post(`/waivers/${created.body.id}/revoke`, ALICE);
    expect(revoke.status).toBe(200);
    expect(revoke.body).toMatchObject({ status: 'revoked', revokedBy: ALICE });
    const again = await post(`/waivers/${created.body.id}/revoke`, ALICE);
    expect(again.status).toBe(409);
  });

  it.each([
    ['an unknown field', { admin: true }],
    ['a malformed fingerprint', { fingerprint: "' or 1=1 --" }],
    ['an oversize reason', { reason: 'x'.repeat(2001) }],
    ['an empty reason', { reason: '' }],
    ['a blank reason', { reason: '   ' }],
    ['an expiry that is no date', { expiresAt: 'tomorrow' }],
    ['an expiry in the past', { expiresAt: inDays(-1) }],
    ['an expiry beyond maxDays', { expiresAt: inDays(365) }],
    ['an unknown rule', { ruleId: '../../etc/passwd' }],
    ['a rule id that is no string', { ruleId: ['apk-no-cache'] }],
    ['an oversize rule id', { ruleId: 'a'.repeat(300) }],
  ])('refuses %s with a clear 400 and records nothing', async (_what, body) => {
    const before = (await get('/waivers', ADMIN)).body.items.length;
    const response = await waive('payments-worker', ALICE, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      name: expect.any(String),
      message: expect.any(String),
    });
    expect((await get('/waivers', ADMIN)).body.items.length).toBe(before);
  });

  it('filters the org-wide list by status and expiry, and refuses bad filters', async () => {
    const revoked = await get('/waivers?status=revoked', ADMIN);
    expect(revoked.status).toBe(200);
    expect(revoked.body.items.length).toBeGreaterThan(0);
    for (const waiver of revoked.body.items) {
      expect(waiver.status).toBe('revoked');
    }
    const soon = await get('/waivers?expiringWithinDays=7', ADMIN);
    expect(soon.status).toBe(200);
    for (const waiver of soon.body.items) {
      expect(waiver.status).toBe('active');
    }
    for (const query of [
      'status=everything',
      'expiringWithinDays=0',
      'expiringWithinDays=x',
      'owner=team-x',
    ]) {
      const bad = await get(`/waivers?${query}`, ADMIN);
      expect(bad.status).toBe(400);
    }
  });

  it('answers any waiver id with 404, never a server error, with bound SQL', async () => {
    for (const id of ["' or '1'='1", '../../report', '%00', 'x'.repeat(36)]) {
      backend.queries.length = 0;
      const response = await post(
        `/waivers/${encodeURIComponent(id)}/approve`,
        ADMIN,
      );
      expect([400, 404]).toContain(response.status);
      for (const query of backend.queries) {
        expect(query.sql).not.toContain(id);
      }
    }
  });

  it('needs a user: no credentials, or a service, are refused', async () => {
    for (const header of [
      mockCredentials.none.header(),
      mockCredentials.service.header(),
    ]) {
      const response = await request(backend.server)
        .post(
          `${backend.api}/entities/component/default/payments-worker/waivers`,
        )
        .set('Authorization', header)
        .send({ ruleId: 'apk-no-cache', reason: 'r', expiresAt: inDays(5) });
      expect([401, 403]).toContain(response.status);
    }
  });
});
