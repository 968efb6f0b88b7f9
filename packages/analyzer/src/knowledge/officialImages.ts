/*
 * How the Docker Official Images publish Alpine variants, for the rules on
 * floating `-alpine` tags and on `-alpineX.Y` variants that are no longer
 * rebuilt. Only images whose maintainers state or show the policy in a
 * primary source are listed; for any other image the analyzer does not
 * guess which Alpine a bare `-alpine` tag means.
 */

/** An official image that publishes `-alpineX.Y` variants for the newest Alpine branches only. */
export interface OfficialAlpineVariants {
  /** Docker Hub repository (`library/` dropped). */
  image: string;
  /** How many of the newest Alpine branches get variants; older ones stop being rebuilt. */
  keepsNewest: number;
  /** How many numbers of a version name its release line: node `22`, python `3.12`. */
  lineDigits: 1 | 2;
  /** Lines still built, as of the knowledge: their bare `-alpine` tag follows the newest branch. */
  maintainedLines: readonly string[];
  /**
   * Lines no longer built, with the branch their bare `-alpine` tag was last
   * built on: the tag stays there for good (`node:18-alpine` is Alpine 3.21).
   */
  lastBuilds: Readonly<Record<string, string>>;
  /** Other names of a line in tags (node's LTS codenames). */
  lineAliases: Readonly<Record<string, string>>;
  /** Tags that name no line and follow the newest one (`alpine`, `lts-alpine`). */
  movingPrefixes: readonly string[];
  sources: readonly string[];
}

export const OFFICIAL_ALPINE_VARIANTS: readonly OfficialAlpineVariants[] = [
  {
    image: 'node',
    keepsNewest: 2,
    lineDigits: 1,
    maintainedLines: ['22', '24', '26'],
    // The `alpine-default` of each line in versions.json before docker-node
    // deleted the line's folder.
    lastBuilds: {
      '10': '3.11',
      '12': '3.15',
      '14': '3.17',
      '16': '3.18',
      '17': '3.15',
      '18': '3.21',
      '19': '3.18',
      '20': '3.23',
      '21': '3.20',
      '23': '3.22',
      '25': '3.23',
    },
    lineAliases: {
      dubnium: '10',
      erbium: '12',
      fermium: '14',
      gallium: '16',
      hydrogen: '18',
      iron: '20',
      jod: '22',
      krypton: '24',
    },
    movingPrefixes: ['', 'lts', 'current', 'latest'],
    sources: [
      // "docker-node maintains the latest two Alpine Linux releases" (CONTRIBUTING, Version updates).
      'https://github.com/nodejs/docker-node/blob/main/CONTRIBUTING.md#version-updates',
      // 2026-06-09: add alpine3.24, drop alpine3.22, set alpine3.24 as default.
      'https://github.com/nodejs/docker-node/pull/2534',
      // 2026-06-19: no node:24.17.0-alpine3.22 after the drop; "only the latest two Alpine releases".
      'https://github.com/nodejs/docker-node/issues/2542',
      // Each line's last `alpine-default` (stackbrew.js tags it `N-alpine`):
      // versions.json before the line's folder was deleted, e.g. 18 in
      // 82eae43f (2025-05-28) and 20 in f97aaf33 (2026-04-21).
      'https://github.com/nodejs/docker-node/blob/main/stackbrew.js',
      'https://github.com/nodejs/docker-node/commits/main/versions.json',
    ],
  },
  {
    image: 'python',
    keepsNewest: 2,
    lineDigits: 2,
    maintainedLines: ['3.11', '3.12', '3.13', '3.14'],
    // The first Alpine variant in versions.json (generate-stackbrew-library.sh
    // tags it `X.Y-alpine`) before the line's folder was deleted.
    lastBuilds: {
      '3.7': '3.18',
      '3.8': '3.20',
      '3.9': '3.22',
    },
    lineAliases: {},
    movingPrefixes: ['', '3', 'latest'],
    sources: [
      // 2026-06-10 "Add Alpine 3.24 and drop 3.22"; 2025-12-03 "Add Alpine 3.23 and drop 3.21".
      'https://github.com/docker-library/python/pull/1123',
      'https://github.com/docker-library/python/pull/1099',
      // 3.7 deleted in 7eefa0c4 (2023-10-02), 3.8 in 069d5b03 (2024-10-07), 3.9 in 59e4abf1 (2025-10-31).
      'https://github.com/docker-library/python/blob/master/generate-stackbrew-library.sh',
      'https://github.com/docker-library/python/commits/master/versions.json',
    ],
  },
];

/** The variant policy of an official image, by its Docker Hub path. */
export function officialAlpineVariants(
  imagePath: string,
): OfficialAlpineVariants | undefined {
  return OFFICIAL_ALPINE_VARIANTS.find(entry => entry.image === imagePath);
}

/** What a bare `-alpine` tag (no `-alpineX.Y`) of a listed official image stands on. */
export type BareAlpineTag =
  /** Rebuilt on each new branch: `node:22-alpine`, `python:alpine`. */
  | { kind: 'follows-newest' }
  /** A line no longer built: the tag stays on its last build's branch. */
  | { kind: 'last-build'; line: string; branch: string }
  /**
   * A minor or patch tag (`node:22.1.0-alpine`, built once on the branch of
   * its day), or a line the knowledge does not list.
   */
  | { kind: 'unknown' };

/**
 * Reads a tag of an official image listed above; undefined when the image is
 * not listed or the tag is not a bare `-alpine` one.
 */
export function bareAlpineTag(
  imagePath: string,
  tag: string,
): BareAlpineTag | undefined {
  const policy = officialAlpineVariants(imagePath);
  const match = /^(?:(.*)-)?alpine$/.exec(tag.toLowerCase());
  if (!policy || !match) return undefined;
  const prefix = match[1] ?? '';
  if (policy.movingPrefixes.includes(prefix)) return { kind: 'follows-newest' };
  const line = policy.lineAliases[prefix] ?? lineOfVersion(prefix, policy);
  if (line === undefined) return { kind: 'unknown' };
  const branch = policy.lastBuilds[line];
  if (branch) return { kind: 'last-build', line, branch };
  return policy.maintainedLines.includes(line)
    ? { kind: 'follows-newest' }
    : { kind: 'unknown' };
}

/** `22` of node, `3.12` of python; undefined for more precise versions (their tags stop moving). */
function lineOfVersion(
  version: string,
  policy: OfficialAlpineVariants,
): string | undefined {
  const parts = version.split('.');
  if (parts.length !== policy.lineDigits) return undefined;
  return parts.every(part => /^\d+$/.test(part)) ? version : undefined;
}
