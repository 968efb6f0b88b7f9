import { analyzeDockerfile } from '../analyze';
import { ConfigError } from '../config';
import { parseConfig } from '../parseConfigWithCatalog';
import { ALPINE_RELEASES } from '../model';
import { describeKnowledge } from './describeKnowledge';
import { compileKnowledge } from './Knowledge';
import { parseKnowledge } from './overrides';
import { KNOWLEDGE_TABLES } from './tables';

const now = new Date('2026-12-05T00:00:00Z');

describe('knowledge tables', () => {
  it('gives every table an as-of date and at least one source', () => {
    for (const table of KNOWLEDGE_TABLES) {
      expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(table.sources.length).toBeGreaterThan(0);
      for (const source of table.sources) expect(source).toMatch(/^https:\/\//);
    }
  });

  it('has Alpine 3.24 with its dates and musl', () => {
    expect(ALPINE_RELEASES.find(row => row.version === '3.24')).toEqual({
      version: '3.24',
      released: '2026-06-09',
      endOfLife: '2028-06-01',
      musl: '1.2.6',
    });
  });

  it('versions the bundled knowledge by its newest as-of date', () => {
    const info = describeKnowledge();
    expect(info).toMatchObject({
      version: '2026-12-05+bundled',
      asOf: '2026-12-05',
      origin: 'bundled',
      releasesAsOf: '2026-12-05',
      newestRelease: '3.24',
      layers: [],
    });
    expect(info.tables.map(table => table.name)).toEqual(
      expect.arrayContaining([
        'Alpine releases',
        'PyPI packages without musllinux wheels',
        'Node.js native addons without musl prebuilds',
      ]),
    );
  });
});

describe('compileKnowledge', () => {
  it('adds and corrects releases, and tells versions apart', () => {
    const layer = {
      asOf: '2027-01-10',
      source: 'test',
      releases: [
        { version: '3.25', released: '2026-12-03', endOfLife: '2028-11-01' },
        { version: '3.21', endOfLife: '2026-12-31' },
      ],
    };
    const knowledge = compileKnowledge([layer]);
    expect(knowledge.newest.version).toBe('3.25');
    // No musl given: the newest earlier branch's.
    expect(knowledge.release('3.25')?.musl).toBe('1.2.6');
    expect(knowledge.release('3.21.4')).toMatchObject({
      released: '2024-12-05',
      endOfLife: '2026-12-31',
    });
    expect(knowledge.stamp).toMatchObject({
      asOf: '2027-01-10',
      origin: 'overridden',
      releasesAsOf: '2027-01-10',
    });
    expect(knowledge.stamp.version).toMatch(
      /^2027-01-10\+overrides\.[0-9a-f]{8}$/,
    );
    expect(
      compileKnowledge([{ ...layer, source: 'other' }]).stamp.version,
    ).not.toBe(knowledge.stamp.version);
    expect(compileKnowledge([]).stamp.version).toBe('2026-12-05+bundled');
    expect(compileKnowledge([{ source: 'empty' }]).stamp.origin).toBe(
      'bundled',
    );
  });

  it('finds the newest supported and the current branch at a date', () => {
    const knowledge = compileKnowledge([]);
    expect(knowledge.newestSupported(now)?.version).toBe('3.24');
    expect(knowledge.current(new Date('2026-01-01'))?.version).toBe('3.23');
    expect(knowledge.standing('3.25', now).kind).toBe('newer');
    expect(knowledge.standing('3.99', now).kind).toBe('implausible');
    expect(knowledge.standing('4.0', now).kind).toBe('implausible');
    expect(knowledge.standing('2.7', now).kind).toBe('unknown');
  });
});

describe('parseKnowledge', () => {
  it('reads YAML and JSON', () => {
    expect(
      parseKnowledge(
        "releases:\n  - version: '3.25'\n    endOfLife: 2028-11-01\nimages:\n  - image: registry.acme.io/base/node:22\n    alpineRelease: '3.23'\n",
        'k.yaml',
      ),
    ).toEqual({
      releases: [{ version: '3.25', endOfLife: '2028-11-01' }],
      images: [
        { image: 'registry.acme.io/base/node:22', alpineRelease: '3.23' },
      ],
    });
    expect(parseKnowledge('{"asOf":"2026-12-05"}', 'k.json')).toEqual({
      asOf: '2026-12-05',
    });
  });

  it('names the file, the key and the problem', () => {
    const problems = (input: unknown) => {
      let caught: unknown;
      try {
        parseKnowledge(input, 'k.yaml');
      } catch (error) {
        caught = error;
      }
      return caught instanceof ConfigError
        ? caught.message.split('\n')
        : [String(caught)];
    };
    expect(
      problems('releases:\n  - version: 3.25\n    endOfLife: 2028-11-01\n'),
    ).toEqual(['k.yaml: releases[0].version: expected a string, got a number']);
    expect(
      problems({ releases: [{ version: '3.25', endOfLife: '2028-02-30' }] }),
    ).toEqual(['k.yaml: releases[0].endOfLife: not a calendar date']);
    expect(problems({ relases: [] })[0]).toContain('did you mean "releases"');
    expect(
      problems({
        images: [{ image: 'x', alpineRelease: '3.2', distro: 'debian' }],
      })[0],
    ).toContain('alpineRelease is only for distro alpine');
    expect(problems('{ not json')[0]).toContain('k.yaml: invalid YAML or JSON');
  });
});

describe('knowledge in an analysis', () => {
  // No apk in the file: without overrides nothing tells this image's distribution.
  const internal =
    'FROM registry.acme.io/base/node:22\nRUN npm ci --omit=dev\n';

  it('classifies an internal image by the overrides, and stamps the report', () => {
    const bundled = analyzeDockerfile(
      { path: 'Dockerfile', content: internal },
      { now },
    );
    expect(bundled.usesAlpine).toBe(false);
    // Its apk would tell Alpine, but not which release: only the overrides know that.
    const withApk = analyzeDockerfile(
      {
        path: 'Dockerfile',
        content: `${internal}RUN apk add --no-cache curl\n`,
      },
      { now },
    );
    expect(withApk.stages[0]).toMatchObject({ distro: 'alpine', libc: 'musl' });
    expect(withApk.stages[0].alpineRelease).toBeUndefined();
    expect(bundled.knowledge?.version).toBe('2026-12-05+bundled');

    const knowledge = {
      images: [
        { image: 'registry.acme.io/base/node:22', alpineRelease: '3.23' },
      ],
    };
    const report = analyzeDockerfile(
      { path: 'Dockerfile', content: internal },
      { now, knowledge },
    );
    expect(report.usesAlpine).toBe(true);
    expect(report.stages[0]).toMatchObject({
      distro: 'alpine',
      libc: 'musl',
      alpineRelease: '3.23',
      endOfLife: false,
    });
    expect(report.knowledge?.origin).toBe('overridden');
  });

  it('takes knowledge from the config file, on top of the host layers', () => {
    const config = parseConfig(
      "knowledge:\n  images:\n    - image: registry.acme.io/base/node:2*\n      alpineRelease: '3.18'\n",
      '.alpine-advisor.yaml',
    );
    const report = analyzeDockerfile(
      { path: 'Dockerfile', content: internal },
      {
        now,
        config,
        knowledge: {
          images: [
            { image: 'registry.acme.io/base/node:22', alpineRelease: '3.23' },
          ],
        },
      },
    );
    expect(report.stages[0].alpineRelease).toBe('3.18');
    expect(report.findings.map(finding => finding.ruleId)).toContain(
      'alpine-eol',
    );
  });

  it('rejects a bad knowledge block in the config file', () => {
    expect(() =>
      parseConfig(
        'knowledge:\n  releases:\n    - version: "3.25"\n',
        '.alpine-advisor.yaml',
      ),
    ).toThrow(
      '.alpine-advisor.yaml: knowledge.releases[0].endOfLife: is required',
    );
  });
});
