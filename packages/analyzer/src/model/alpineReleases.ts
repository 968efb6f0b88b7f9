/** One Alpine Linux release branch. */
export interface AlpineRelease {
  /** `3.20` */
  version: string;
  /** First release of the branch, ISO date. */
  released: string;
  /** End of support of the branch (main repository), ISO date. */
  endOfLife: string;
  /** musl version the branch ships (major.minor.patch). */
  musl: string;
}

/**
 * Alpine release branches with their end-of-life dates (alpinelinux.org
 * "releases" page, "End of support" of the main repository) and musl
 * versions (the `musl` package of each branch on pkgs.alpinelinux.org).
 * Maintained by hand; the as-of date and sources of the table are in
 * `ALPINE_RELEASES_TABLE` below and `yarn knowledge:check` compares it with
 * alpinelinux.org/releases.json. Branches newer than the last row are not
 * silently treated as supported: `alpine-release-unknown` says the
 * knowledge ran out, `alpine-release-implausible` flags tags no cadence
 * allows. Hosts can add rows without a release (see `knowledge:` in
 * `.alpine-advisor.yaml`, `--knowledge`, and the backend's refresh).
 *
 * How to add a branch: Alpine branches from edge every May and November
 * (the .0 release sometimes lands weeks later). Take `released` from the
 * `Alpine X.Y.0 released` post on alpinelinux.org/posts, `endOfLife` from the
 * "End of support" column of alpinelinux.org/releases (two years, usually
 * the 1st of a month), and `musl` from
 * pkgs.alpinelinux.org/packages?name=musl&branch=vX.Y; then extend the
 * "Alpine releases" test in imageCatalog.test.ts and move the table's
 * `asOf` date.
 *
 * 3.24 (checked 2026-12-05): released 2026-06-09 (alpinelinux.org/posts/
 * Alpine-3.24.0-released.html; the Docker Official Images added
 * `alpine:3.24.0` as latest the same day, docker-library/official-images
 * #21630), end of support 2028-06-01 (alpinelinux.org/releases as mirrored
 * by endoflife.date's release table, products/alpine-linux.md), musl 1.2.6
 * (pkgs.alpinelinux.org/package/v3.24/main/x86_64/musl-utils: 1.2.6-r2,
 * origin `musl`).
 *
 * One row per line keeps the table readable.
 */
// prettier-ignore
export const ALPINE_RELEASES: readonly AlpineRelease[] = [
  { version: '3.0', released: '2014-06-04', endOfLife: '2016-05-01', musl: '1.1.1' },
  { version: '3.1', released: '2014-12-10', endOfLife: '2016-11-01', musl: '1.1.5' },
  { version: '3.2', released: '2015-05-26', endOfLife: '2017-05-01', musl: '1.1.11' },
  { version: '3.3', released: '2016-01-06', endOfLife: '2017-11-01', musl: '1.1.12' },
  { version: '3.4', released: '2016-05-18', endOfLife: '2018-05-01', musl: '1.1.14' },
  { version: '3.5', released: '2016-12-22', endOfLife: '2018-11-01', musl: '1.1.15' },
  { version: '3.6', released: '2017-05-24', endOfLife: '2019-05-01', musl: '1.1.16' },
  { version: '3.7', released: '2017-11-30', endOfLife: '2019-11-01', musl: '1.1.18' },
  { version: '3.8', released: '2018-06-26', endOfLife: '2020-05-01', musl: '1.1.19' },
  { version: '3.9', released: '2019-01-29', endOfLife: '2020-11-01', musl: '1.1.20' },
  { version: '3.10', released: '2019-06-19', endOfLife: '2021-05-01', musl: '1.1.22' },
  { version: '3.11', released: '2019-12-19', endOfLife: '2021-11-01', musl: '1.1.24' },
  { version: '3.12', released: '2020-05-29', endOfLife: '2022-05-01', musl: '1.1.24' },
  { version: '3.13', released: '2021-01-14', endOfLife: '2022-11-01', musl: '1.2.2' },
  { version: '3.14', released: '2021-06-15', endOfLife: '2023-05-01', musl: '1.2.2' },
  { version: '3.15', released: '2021-11-24', endOfLife: '2023-11-01', musl: '1.2.2' },
  { version: '3.16', released: '2022-05-23', endOfLife: '2024-05-23', musl: '1.2.3' },
  { version: '3.17', released: '2022-11-22', endOfLife: '2024-11-22', musl: '1.2.3' },
  // 3.18 moved to musl 1.2.4, whose resolver falls back to DNS over TCP for truncated answers.
  { version: '3.18', released: '2023-05-09', endOfLife: '2025-05-09', musl: '1.2.4' },
  { version: '3.19', released: '2023-12-07', endOfLife: '2025-11-01', musl: '1.2.4' },
  { version: '3.20', released: '2024-05-22', endOfLife: '2026-04-01', musl: '1.2.5' },
  { version: '3.21', released: '2024-12-05', endOfLife: '2026-11-01', musl: '1.2.5' },
  { version: '3.22', released: '2025-05-30', endOfLife: '2027-05-01', musl: '1.2.5' },
  { version: '3.23', released: '2025-12-03', endOfLife: '2027-11-01', musl: '1.2.5' },
  // 3.24 moved to musl 1.2.6.
  { version: '3.24', released: '2026-06-09', endOfLife: '2028-06-01', musl: '1.2.6' },
];

/** When the release table was last checked against its sources, and which. */
export const ALPINE_RELEASES_TABLE = {
  name: 'Alpine releases',
  file: 'packages/analyzer/src/model/alpineReleases.ts',
  asOf: '2026-12-05',
  sources: [
    'https://alpinelinux.org/releases/',
    'https://alpinelinux.org/releases.json',
    'https://alpinelinux.org/posts/Alpine-3.24.0-released.html',
    'https://pkgs.alpinelinux.org/packages?name=musl',
    'https://github.com/endoflife-date/endoflife.date/blob/main/products/alpine-linux.md',
  ],
} as const;

const byVersion = new Map(
  ALPINE_RELEASES.map(release => [release.version, release]),
);
const endOfLifeTimes = new Map(
  ALPINE_RELEASES.map(release => [
    release.version,
    Date.parse(`${release.endOfLife}T00:00:00Z`),
  ]),
);

/** The release row for `3.20` (or `3.20.3`), if the table has it. */
export function alpineRelease(version: string): AlpineRelease | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version);
  return match ? byVersion.get(`${match[1]}.${match[2]}`) : undefined;
}

/** Days past end of life at `now`; negative while supported; undefined for unknown releases. */
export function daysPastEndOfLife(
  version: string,
  now: Date,
): number | undefined {
  const release = alpineRelease(version);
  if (!release) return undefined;
  return Math.floor(
    (now.getTime() - endOfLifeTimes.get(release.version)!) / 86_400_000,
  );
}

/** Compares `major.minor[.patch]` versions. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
