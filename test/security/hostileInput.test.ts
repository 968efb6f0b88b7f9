import fc from 'fast-check';
import request from 'supertest';
import {
  ADMIN,
  APK_CACHE_DOCKERFILE,
  CLEAN_DOCKERFILE,
  USERS,
} from './fixtures';
import { SecurityBackend, startSecurityBackend } from './securityBackend';

jest.setTimeout(180_000);

type Backend = SecurityBackend;

/** Node's default --max-http-header-size: longer request lines get a 431 from Node. */
const NODE_MAX_HEADER_BYTES = 16 * 1024;
/** Generous room for the rest of the header block: API prefix, Host, a user token. */
const OTHER_HEADER_BYTES = 2 * 1024;

/** What a request with a URL of this length may get back. */
function expectedStatuses(urlLength: number): number[] {
  if (urlLength > NODE_MAX_HEADER_BYTES) return [400, 431];
  if (urlLength > NODE_MAX_HEADER_BYTES - OTHER_HEADER_BYTES) {
    return [200, 400, 431];
  }
  return [200, 400];
}

const REPORT_PARAMETERS = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'kind',
  'grade',
  'status',
  'category',
  'rule',
  'severity',
  'stale',
  'compliant',
  'search',
  'sort',
  'order',
  'page',
  'pageSize',
  'groupBy',
];

/** Values an attacker or a broken client sends. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    "'; DROP TABLE entities; --",
    '" OR ""="',
    '%',
    '_',
    '\\',
    '\u0000',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '-1',
    '0',
    '1e309',
    'NaN',
    'Infinity',
    '9007199254740993',
    '',
    ' ',
    'true',
    'null',
    'component:default/payments-api',
    'group:default/team-payments',
    'A',
    'score',
    'desc',
    'owner',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat(12).map(n => 'x'.repeat(n * 1000)),
);

const queryPair = fc.tuple(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...REPORT_PARAMETERS) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'cursor',
        'limit',
        'offset',
        'filter',
        '__proto__',
        'constructor',
        'sort[]',
      ),
    },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  ),
  hostileValue,
);

function queryString(pairs: Array<[string, string]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of pairs) {
    params.append(key, value);
  }
  return params.toString();
}

/** A Backstage error body: what was wrong, said in words, with the status. */
function expectBackstageError(response: request.Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({
    error: { name: expect.any(String), message: expect.any(String) },
    response: { statusCode: status },
  });
  expect(response.body.error.message.length).toBeGreaterThan(5);
}

describe('hostile input to every API parameter', () => {
  let backend: Backend;

  beforeAll(async () => {
    backend = await startSecurityBackend({
      users: USERS,
      services: [
        {
          name: 'payments-api',
          owner: 'team-payments',
          dockerfile: CLEAN_DOCKERFILE,
        },
        {
          name: 'payments-worker',
          owner: 'team-payments',
          system: 'payments',
          dockerfile: APK_CACHE_DOCKERFILE,
        },
        {
          name: 'traversal-relative',
          owner: 'team-payments',
          dockerfile: CLEAN_DOCKERFILE,
          annotations: {
            'alpine-advisor.io/dockerfiles':
              '../payments-api/Dockerfile,../../../../etc/passwd',
          },
        },
        {
          name: 'traversal-absolute',
          owner: 'team-payments',
          dockerfile: CLEAN_DOCKERFILE,
          annotations: { 'alpine-advisor.io/dockerfiles': '/etc/passwd' },
        },
        {
          name: 'outside-source',
          owner: 'team-payments',
          dockerfile: CLEAN_DOCKERFILE,
          annotations: { 'backstage.io/source-location': 'file:/etc/' },
        },
      ],
    });
  });

  const get = (path: string) =>
    request(backend.server)
      .get(`${backend.api}${path}`)
      .set('Authorization', backend.asUser(ADMIN));

  it('answers any report query with 200 or a clear 400, with bound SQL and a bounded number of queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(queryPair, { maxLength: 6 }),
        fc.constantFrom('/report', '/report/export'),
        async (pairs, path) => {
          const withFormat: Array<[string, string]> =
            path === '/report/export' ? [['format', 'json'], ...pairs] : pairs;
          backend.queries.length = 0;
          const url = `${path}?${queryString(withFormat)}`;
          const response = await get(url);
          // Node itself refuses requests whose headers pass its limit (431).
          // The limit covers the whole header block (request line with the
          // API prefix, Host, Authorization), so a URL just under it may be
          // refused too.
          const expected = expectedStatuses(url.length);
          expect(expected).toContain(response.status);
          if (response.status === 400) {
            expectBackstageError(response, 400);
          }
          // Query count sanity: paging, tallies and rollups, never a query per row.
          expect(backend.queries.length).toBeLessThanOrEqual(20);
          // Values reach the database as bindings, never inside the SQL text.
          const quotingValues = pairs
            .map(([, value]) => value)
            .filter(value => /['";\\]/.test(value) && value.length >= 4);
          const inlined = backend.queries.filter(query =>
            quotingValues.some(value => query.sql.includes(value)),
          );
          expect(inlined).toEqual([]);
        },
      ),
      { numRuns: 250 },
    );
  });

  it.each([
    ['pageSize=-1', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=501', 'pageSize'],
    ['pageSize=100000000000', 'pageSize'],
    ['pageSize=NaN', 'pageSize'],
    ['pageSize=ten', 'pageSize'],
    ['page=0', 'page'],
    ['page=-3', 'page'],
    ['page=1.5', 'page'],
    ['page=Infinity', 'page'],
    ['page=1e300', 'page'],
    ['page=1000001', 'page'],
    ['sort=password', 'sort'],
    ['sort=score%3B%20DROP%20TABLE%20entities', 'sort'],
    ['sort=score&sort=name', 'sort'],
    ['order=sideways', 'order'],
    ['groupBy=team', 'groupBy'],
    ['grade=Z', 'grade'],
    ['severity=fatal', 'severity'],
    ['category=%3Cscript%3E', 'category'],
    ['status=hacked', 'status'],
    ['stale=maybe', 'stale'],
    ['compliant=2', 'compliant'],
    ['rule=no-such-rule', 'no-such-rule'],
    ['cursor=eyJpZCI6MX0', 'cursor'],
    ['unknownField=1', 'unknownField'],
  ])('refuses /report?%s with a 400 naming %s', async (query, named) => {
    const response = await get(`/report?${query}`);
    expectBackstageError(response, 400);
    expect(response.body.error.message).toContain(named);
  });

  it.each([
    ['format=xml', 'format'],
    ['format=csv&format=json', 'format'],
    ['', 'format'],
    ['format=csv&pageSize=10', 'pageSize'],
  ])('refuses /report/export?%s with a 400 naming %s', async (query, named) => {
    const response = await get(`/report/export?${query}`);
    expectBackstageError(response, 400);
    expect(response.body.error.message).toContain(named);
  });

  it.each([
    'days=0',
    'days=-1',
    'days=99999',
    'days=NaN',
    'days=1&days=2',
    'since=yesterday',
  ])('refuses an entity history query %s with a 400', async query => {
    const response = await get(
      `/entities/component/default/payments-api/history?${query}`,
    );
    expect(response.status).toBe(400);
    expectBackstageError(response, 400);
  });

  it('answers any entity ref in the path with 200, 400 or 404, never a server error', async () => {
    const segment = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        "'; --",
        'payments-api',
        'component',
        'default',
        'x'.repeat(5000),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        segment,
        segment,
        segment,
        fc.boolean(),
        async (kind, namespace, name, history) => {
          const path = [kind, namespace, name]
            .map(encodeURIComponent)
            .join('/');
          const response = await get(
            `/entities/${path}${history ? '/history' : ''}`,
          );
          expect([200, 400, 404]).toContain(response.status);
          if (response.status !== 200) {
            expectBackstageError(response, response.status);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers rescans of any entity ref without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
        async name => {
          const response = await request(backend.server)
            .post(
              `${backend.api}/entities/component/default/${encodeURIComponent(
                name,
              )}/rescan`,
            )
            .set('Authorization', backend.asUser(ADMIN));
          expect([200, 400, 404, 429]).toContain(response.status);
          expectBackstageError(response, response.status);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses an oversize body with a clear error', async () => {
    const response = await request(backend.server)
      .post(`${backend.api}/entities/component/default/payments-api/rescan`)
      .set('Authorization', backend.asUser(ADMIN))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(5 * 1024 * 1024) }));
    expect([400, 413]).toContain(response.status);
    expectBackstageError(response, response.status);
  });

  it('refuses hostile image reports with a clear error, never a server error', async () => {
    const image = {
      tags: [],
      libc: { libc: 'musl', evidence: [], shims: [] },
      layers: [],
      findings: [],
      stats: { files: 0, elfFiles: 0, bytes: 0 },
      notes: [],
    };
    const post = (body: string) =>
      request(backend.server)
        .post(
          `${backend.api}/entities/component/default/payments-api/image-reports`,
        )
        .set('Authorization', backend.asUser(ADMIN))
        .set('Content-Type', 'application/json')
        .send(body);
    const bodies: Array<[string, number[]]> = [
      // Over alpineAdvisor.imageReports.maxBytes (2 MiB by default).
      [JSON.stringify({ image, files: ['x'.repeat(3 * 1024 * 1024)] }), [413]],
      // Deep nesting inside the ignored part: parsed and ignored, or refused.
      [
        `{"image":${JSON.stringify(image)},"files":[${'{"a":'.repeat(
          50_000,
        )}1${'}'.repeat(50_000)}]}`,
        [201, 400],
      ],
      ['{"image":', [400]],
      [
        JSON.stringify({ image: { ...image, __proto__: { polluted: true } } }),
        [201, 400],
      ],
      [JSON.stringify({ image: { ...image, libc: { libc: 'bsd' } } }), [400]],
      [
        JSON.stringify({ image: { ...image, findings: [{ ruleId: 1 }] } }),
        [400],
      ],
    ];
    const responses = [];
    for (const [body, statuses] of bodies) {
      const response = await post(body);
      expect(statuses).toContain(response.status);
      responses.push(response);
    }
    for (const refused of responses.filter(r => r.status !== 201)) {
      expectBackstageError(refused, refused.status);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each(['traversal-relative', 'traversal-absolute'])(
    'refuses Dockerfile paths outside the source in %s',
    async name => {
      const response = await get(`/entities/component/default/${name}`);
      expect(response.status).toBe(200);
      expect(response.body.dockerfiles).toEqual([]);
      expect(response.body.status).not.toBe('ok');
      expect(response.body.error).toMatch(
        /outside|refused|not allowed|must be relative|\.\./i,
      );
      expect(JSON.stringify(response.body)).not.toContain('root:x:0:0');
    },
  );

  it('refuses a file: source outside the allowed directories', async () => {
    const response = await get('/entities/component/default/outside-source');
    expect(response.status).toBe(200);
    expect(response.body.dockerfiles).toEqual([]);
    expect(response.body.status).not.toBe('ok');
    expect(response.body.error).toMatch(
      /allowedDirectories|not allowed|outside/i,
    );
  });
});
