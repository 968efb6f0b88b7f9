import { fetchReleaseKnowledge, releasesFromJson } from './releaseSource';

const now = new Date('2026-12-05T10:00:00Z');

function answer(body: string, status = 200): typeof fetch {
  return (async () => new Response(body, { status })) as typeof fetch;
}

describe('releasesFromJson', () => {
  it("reads alpinelinux.org's releases.json: branches, end of life, first release", () => {
    expect(
      releasesFromJson({
        latest_stable: 'v3.24',
        release_branches: [
          { rel_branch: 'edge', git_branch: 'master' },
          {
            rel_branch: 'v3.24',
            eol_date: '2028-06-01',
            releases: [
              { version: '3.24.1', date: '2026-06-13' },
              { version: '3.24.0', date: '2026-06-09' },
            ],
          },
          { rel_branch: 'v3.23', eol_date: '2027-11-01' },
        ],
      }),
    ).toEqual([
      { version: '3.24', endOfLife: '2028-06-01', released: '2026-06-09' },
      { version: '3.23', endOfLife: '2027-11-01' },
    ]);
  });

  it("reads endoflife.date's API, v1 and the older one", () => {
    expect(
      releasesFromJson({
        schema_version: '1.2.0',
        result: {
          name: 'alpine-linux',
          releases: [
            {
              name: '3.24',
              releaseDate: '2026-06-09',
              eolFrom: '2028-06-01',
              isEol: false,
            },
          ],
        },
      }),
    ).toEqual([
      { version: '3.24', endOfLife: '2028-06-01', released: '2026-06-09' },
    ]);
    expect(
      releasesFromJson([
        { cycle: '3.24', releaseDate: '2026-06-09', eol: '2028-06-01' },
        { cycle: '3.0', releaseDate: '2014-06-04', eol: false },
      ]),
    ).toEqual([
      { version: '3.24', endOfLife: '2028-06-01', released: '2026-06-09' },
    ]);
  });

  it('refuses any other shape', () => {
    expect(() => releasesFromJson({ branches: [] })).toThrow(
      /unexpected shape/,
    );
  });
});

describe('fetchReleaseKnowledge', () => {
  const json = JSON.stringify({
    release_branches: ['3.24', '3.23', '3.22'].map(version => ({
      rel_branch: `v${version}`,
      eol_date: '2028-01-01',
    })),
  });

  it('validates the result with the analyzer loader and dates it by the fetch', async () => {
    await expect(
      fetchReleaseKnowledge({
        url: 'https://x/r.json',
        timeoutMs: 1000,
        now,
        fetchImpl: answer(json),
      }),
    ).resolves.toEqual({
      asOf: '2026-12-05',
      source: 'https://x/r.json',
      releases: expect.arrayContaining([
        { version: '3.24', endOfLife: '2028-01-01' },
      ]),
    });
  });

  it.each([
    ['an error status', answer('x', 503), /HTTP 503/],
    ['truncated JSON', answer(json.slice(0, 20)), /not JSON \(truncated\?\)/],
    [
      'too few branches',
      answer(
        JSON.stringify({
          release_branches: [{ rel_branch: 'v3.24', eol_date: '2028-01-01' }],
        }),
      ),
      /only 1 usable branches/,
    ],
    [
      'a row the loader rejects',
      answer(
        JSON.stringify({
          release_branches: ['3.24', '3.23', '3.22'].map(version => ({
            rel_branch: `v${version}`,
            eol_date: '2028-02-30',
          })),
        }),
      ),
      /endOfLife: not a calendar date/,
    ],
  ])('fails with a reason on %s', async (_name, fetchImpl, message) => {
    await expect(
      fetchReleaseKnowledge({
        url: 'https://x/r.json',
        timeoutMs: 1000,
        now,
        fetchImpl,
      }),
    ).rejects.toThrow(message);
  });
});
