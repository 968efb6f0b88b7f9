import { ResponseError } from '@backstage/errors';
import { AlpineAdvisorClient } from './AlpineAdvisorClient';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function clientAnswering(response: () => Response) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const client = new AlpineAdvisorClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage/api/${pluginId}`,
    },
    fetchApi: {
      fetch: async (url, init) => {
        calls.push({ url: String(url), init });
        return response();
      },
    },
  });
  return { client, calls };
}

describe('AlpineAdvisorClient', () => {
  it('addresses an entity by kind, namespace and name', async () => {
    const { client, calls } = clientAnswering(() =>
      jsonResponse(200, { entityRef: 'component:default/orders' }),
    );

    await client.getEntityReport('component:default/orders');
    await client.getEntityReport({
      kind: 'Component',
      namespace: 'my ns',
      name: 'billing',
    });

    expect(calls.map(call => call.url)).toEqual([
      'http://backstage/api/alpine-advisor/entities/component/default/orders',
      'http://backstage/api/alpine-advisor/entities/Component/my%20ns/billing',
    ]);
  });

  it('asks for a scope summary by kind, namespace and name, a bare name being a group', async () => {
    const { client, calls } = clientAnswering(() =>
      jsonResponse(200, { entityRef: 'group:default/team-a' }),
    );

    await client.getScopeSummary('team-a', { days: 30 });
    await client.getScopeSummary({
      kind: 'System',
      namespace: 'default',
      name: 'checkout',
    });

    expect(calls.map(call => call.url)).toEqual([
      'http://backstage/api/alpine-advisor/scopes/group/default/team-a/summary?days=30',
      'http://backstage/api/alpine-advisor/scopes/System/default/checkout/summary',
    ]);
  });

  it('answers undefined for a scope the caller may not read', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'no entity' },
        request: { method: 'GET', url: '/scopes/group/default/x/summary' },
        response: { statusCode: 404 },
      }),
    );
    await expect(
      client.getScopeSummary('group:default/x'),
    ).resolves.toBeUndefined();
  });

  it('answers undefined for an entity the backend does not know', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'not scanned' },
        request: { method: 'GET', url: '/entities/component/default/x' },
        response: { statusCode: 404 },
      }),
    );

    await expect(
      client.getEntityReport('component:default/x'),
    ).resolves.toBeUndefined();
    await expect(client.getRule('nope')).resolves.toBeUndefined();
  });

  it('sends report filters as repeated query parameters', async () => {
    const { client, calls } = clientAnswering(() =>
      jsonResponse(200, { items: [] }),
    );

    await client.getReport({
      owner: ['group:default/a', 'group:default/b'],
      stale: false,
      grade: [],
      page: 2,
    });

    const url = new URL(calls[0].url);
    expect(url.pathname).toBe('/api/alpine-advisor/report');
    expect(url.searchParams.getAll('owner')).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
    expect(url.searchParams.get('stale')).toBe('false');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.has('grade')).toBe(false);
  });

  it('asks for the org trend with the report filters and a window in days', async () => {
    const history = { policy: {}, points: [] };
    const { client, calls } = clientAnswering(() => jsonResponse(200, history));

    await expect(
      client.getOrgHistory({ owner: ['group:default/a'], days: 30 }),
    ).resolves.toEqual(history);

    const url = new URL(calls[0].url);
    expect(url.pathname).toBe('/api/alpine-advisor/report/history');
    expect(url.searchParams.getAll('owner')).toEqual(['group:default/a']);
    expect(url.searchParams.get('days')).toBe('30');
  });

  it('posts rescans and signs backend-to-backend calls with a token', async () => {
    const { client, calls } = clientAnswering(() =>
      jsonResponse(200, { entityRef: 'component:default/orders' }),
    );

    await client.rescanEntity('component:default/orders', { token: 'abc' });

    expect(calls[0].url).toMatch(
      /\/entities\/component\/default\/orders\/rescan$/,
    );
    expect(calls[0].init?.method).toBe('POST');
    expect(calls[0].init?.headers).toMatchObject({
      Authorization: 'Bearer abc',
    });
  });

  it('throws the backend error body as a ResponseError', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(400, {
        error: { name: 'InputError', message: 'unknown sort field "size"' },
        request: { method: 'GET', url: '/report' },
        response: { statusCode: 400 },
      }),
    );

    const failure = await client.getReport().catch(error => error);
    expect(failure).toBeInstanceOf(ResponseError);
    expect(failure.statusCode).toBe(400);
    expect(failure.body.error.message).toBe('unknown sort field "size"');
  });

  it('returns the rule list and the raw export response', async () => {
    const { client, calls } = clientAnswering(() =>
      jsonResponse(200, { items: [{ id: 'apk-no-cache' }] }),
    );

    await expect(client.listRules()).resolves.toEqual([{ id: 'apk-no-cache' }]);
    const exported = await client.exportReport('csv', {
      owner: ['group:default/a'],
    });

    expect(exported.ok).toBe(true);
    expect(calls[1].url).toContain(
      '/report/export?owner=group%3Adefault%2Fa&format=csv',
    );
  });

  it('records, lists, approves and revokes waivers', async () => {
    const { client, calls } = clientAnswering(() =>
      jsonResponse(200, { items: [], summary: {} }),
    );
    await client.createWaiver('component:default/orders', {
      ruleId: 'apk-no-cache',
      reason: 'pinned mirror',
      expiresAt: '2026-07-01T00:00:00.000Z',
    });
    await client.listEntityWaivers('component:default/orders');
    await client.listWaivers({
      status: ['active', 'pending'],
      expiringWithinDays: 7,
    });
    await client.approveWaiver('a/b');
    await client.revokeWaiver('w1');

    expect(
      calls.map(call => `${call.init?.method ?? 'GET'} ${call.url}`),
    ).toEqual([
      'POST http://backstage/api/alpine-advisor/entities/component/default/orders/waivers',
      'GET http://backstage/api/alpine-advisor/entities/component/default/orders/waivers',
      'GET http://backstage/api/alpine-advisor/waivers?status=active&status=pending&expiringWithinDays=7',
      'POST http://backstage/api/alpine-advisor/waivers/a%2Fb/approve',
      'POST http://backstage/api/alpine-advisor/waivers/w1/revoke',
    ]);
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      ruleId: 'apk-no-cache',
      reason: 'pinned mirror',
      expiresAt: '2026-07-01T00:00:00.000Z',
    });
    expect(
      (calls[0].init?.headers as Record<string, string>)['Content-Type'],
    ).toBe('application/json');
  });
});
