import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ADMIN, ALICE, SECRET_WORDS, SERVICES, USERS } from './fixtures';
import { SecurityBackend, startSecurityBackend } from './securityBackend';

jest.setTimeout(120_000);

const DAY = 24 * 60 * 60 * 1000;
/** Relative to the backend's clock, which is the real one here. */
const inDays = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('campaigns: permissions, catalog visibility, audit and hostile input', () => {
  let backend: SecurityBackend;

  beforeAll(async () => {
    backend = await startSecurityBackend({
      services: SERVICES,
      users: USERS,
      alpineAdvisor: {
        campaigns: [
          {
            id: 'retire-eol',
            title: 'Retire end-of-life Alpine',
            condition: 'eol-alpine',
            deadline: inDays(30),
          },
        ],
      },
    });
  });

  const get = (path: string, user: string) =>
    request(backend.server)
      .get(`${backend.api}${path}`)
      .set('Authorization', backend.asUser(user));
  const post = (path: string, user: string, body: unknown) =>
    request(backend.server)
      .post(`${backend.api}${path}`)
      .set('Authorization', backend.asUser(user))
      .send(body as object);
  const del = (path: string, user: string) =>
    request(backend.server)
      .delete(`${backend.api}${path}`)
      .set('Authorization', backend.asUser(user));
  const newCampaign = (body: object = {}) => ({
    id: 'drop-apk-cache',
    title: 'No apk cache',
    condition: 'rules',
    rules: ['apk-no-cache'],
    deadline: inDays(20),
    ...body,
  });
  const campaignIds = async () =>
    (await get('/campaigns', ADMIN)).body.items.map(
      (item: any) => item.campaign.id,
    );

  it('counts only the services the caller may read', async () => {
    const admin = await get('/campaigns/retire-eol', ADMIN);
    expect(admin.status).toBe(200);
    // secret-ledger (team-x) runs Alpine 3.12.
    expect(admin.body).toMatchObject({ affectedCount: 1, totalCount: 3 });
    expect(admin.body.owners).toContainEqual({
      owner: 'group:default/team-x',
      affectedCount: 1,
      totalCount: 1,
    });

    for (const path of ['/campaigns', '/campaigns/retire-eol']) {
      const alice = await get(path, ALICE);
      expect(alice.status).toBe(200);
      for (const word of SECRET_WORDS) {
        expect(JSON.stringify(alice.body)).not.toContain(word);
      }
    }
    const alice = await get('/campaigns/retire-eol', ALICE);
    expect(alice.body).toMatchObject({ affectedCount: 0, totalCount: 2 });
    expect(
      alice.body.burnDown.every((point: any) => point.affectedCount === 0),
    ).toBe(true);
  });

  it('lets a manager declare and delete a campaign, audited', async () => {
    backend.auditor.createEvent.mockClear();
    const created = await post('/campaigns', ADMIN, newCampaign());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'drop-apk-cache',
      source: 'api',
      createdBy: ADMIN,
    });
    const [[event]] = backend.auditor.createEvent.mock.calls;
    expect(event).toMatchObject({
      eventId: 'campaign-create',
      meta: expect.objectContaining({ campaignId: 'drop-apk-cache' }),
    });
    const audit = await backend.auditor.createEvent.mock.results[0].value;
    expect(audit.success).toHaveBeenCalled();

    const progress = await get('/campaigns/drop-apk-cache', ALICE);
    expect(progress.status).toBe(200);
    // payments-worker (Alice's) keeps the apk cache.
    expect(progress.body).toMatchObject({ affectedCount: 1, totalCount: 2 });

    const again = await post('/campaigns', ADMIN, newCampaign());
    expect(again.status).toBe(409);
    const configured = await del('/campaigns/retire-eol', ADMIN);
    expect(configured.status).toBe(409);

    const deleted = await del('/campaigns/drop-apk-cache', ADMIN);
    expect(deleted.status).toBe(204);
    expect(await campaignIds()).toEqual(['retire-eol']);
    const gone = await del('/campaigns/drop-apk-cache', ADMIN);
    expect(gone.status).toBe(404);
  });

  it('refuses writes without alpine-advisor.campaign.manage, audited, changing nothing', async () => {
    backend.auditor.createEvent.mockClear();
    const created = await post(
      '/campaigns',
      ALICE,
      newCampaign({ id: 'alices' }),
    );
    expect(created.status).toBe(403);
    expect(created.body.error.message).toContain(
      'alpine-advisor.campaign.manage',
    );
    const audit = await backend.auditor.createEvent.mock.results[0].value;
    expect(audit.fail).toHaveBeenCalled();
    expect(audit.success).not.toHaveBeenCalled();

    const deleted = await del('/campaigns/retire-eol', ALICE);
    expect(deleted.status).toBe(403);
    expect(await campaignIds()).toEqual(['retire-eol']);
  });

  it.each([
    ['an unknown field', { admin: true }],
    ['an id with a path', { id: '../../report' }],
    ['an id with SQL', { id: "x' or '1'='1" }],
    ['an oversize id', { id: 'a'.repeat(64) }],
    ['an oversize title', { title: 'x'.repeat(201) }],
    ['a blank title', { title: '   ' }],
    ['an unknown condition', { condition: 'drop table campaigns' }],
    ['rules that are no list', { rules: 'apk-no-cache' }],
    ['an unknown rule', { rules: ['../../etc/passwd'] }],
    ['too many rules', { rules: Array(51).fill('apk-no-cache') }],
    ['rules with a named condition', { condition: 'eol-alpine' }],
    ['a deadline that is no day', { deadline: 'tomorrow' }],
    ['a deadline in the past', { deadline: inDays(-2) }],
    ['an unknown scope field', { scope: { team: ['a'] } }],
    [
      'a scope too long',
      { scope: { owner: Array(51).fill('group:default/a') } },
    ],
    ['a scope value that is no string', { scope: { owner: [{ $ne: 1 }] } }],
  ])('refuses %s with a clear 400 and stores nothing', async (_what, body) => {
    const response = await post('/campaigns', ADMIN, newCampaign(body));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      name: expect.any(String),
      message: expect.any(String),
    });
    expect(await campaignIds()).toEqual(['retire-eol']);
  });

  it('refuses a body that is no object', async () => {
    for (const body of [[newCampaign()], 'retire', 42]) {
      const response = await request(backend.server)
        .post(`${backend.api}/campaigns`)
        .set('Authorization', backend.asUser(ADMIN))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expect(response.status).toBe(400);
    }
    expect(await campaignIds()).toEqual(['retire-eol']);
  });

  it('answers any campaign id with 404 or 400, never a server error, with bound SQL', async () => {
    for (const id of ["' or '1'='1", '../../report', '%00', 'x'.repeat(65)]) {
      backend.queries.length = 0;
      const response = await get(`/campaigns/${encodeURIComponent(id)}`, ADMIN);
      expect([400, 404]).toContain(response.status);
      for (const query of backend.queries) {
        expect(query.sql).not.toContain(id);
      }
    }
  });

  it('needs credentials to read and a user to write', async () => {
    const anonymous = await request(backend.server)
      .get(`${backend.api}/campaigns`)
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    for (const header of [
      mockCredentials.none.header(),
      mockCredentials.service.header(),
    ]) {
      const response = await request(backend.server)
        .post(`${backend.api}/campaigns`)
        .set('Authorization', header)
        .send(newCampaign({ id: 'by-a-service' }));
      expect([401, 403]).toContain(response.status);
    }
    expect(await campaignIds()).toEqual(['retire-eol']);
  });

  it('takes the suppressed report filter as a boolean only, and keeps it within what the caller may read', async () => {
    for (const value of ['maybe', "1' or '1'='1", '']) {
      const bad = await get(
        `/report?suppressed=${encodeURIComponent(value)}`,
        ALICE,
      );
      expect(bad.status).toBe(400);
    }
    for (const value of ['true', 'false']) {
      const report = await get(`/report?suppressed=${value}`, ALICE);
      expect(report.status).toBe(200);
      for (const word of SECRET_WORDS) {
        expect(JSON.stringify(report.body)).not.toContain(word);
      }
    }
    const all = await get('/report?suppressed=false', ADMIN);
    expect(all.body.items.map((item: any) => item.name)).toContain(
      'secret-ledger',
    );
    expect(all.body.items[0].suppressions).toEqual({
      config: 0,
      comment: 0,
      enforcedAttempts: 0,
    });
  });
});
