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
  /** The bare `-alpine` tag follows the newest branch. */
  bareTagIsNewest: boolean;
  sources: readonly string[];
}

export const OFFICIAL_ALPINE_VARIANTS: readonly OfficialAlpineVariants[] = [
  {
    image: 'node',
    keepsNewest: 2,
    bareTagIsNewest: true,
    sources: [
      // "docker-node maintains the latest two Alpine Linux releases" (CONTRIBUTING, Version updates).
      'https://github.com/nodejs/docker-node/blob/main/CONTRIBUTING.md#version-updates',
      // 2026-06-09: add alpine3.24, drop alpine3.22, set alpine3.24 as default.
      'https://github.com/nodejs/docker-node/pull/2534',
      // 2026-06-19: no node:24.17.0-alpine3.22 after the drop; "only the latest two Alpine releases".
      'https://github.com/nodejs/docker-node/issues/2542',
    ],
  },
  {
    image: 'python',
    keepsNewest: 2,
    bareTagIsNewest: true,
    sources: [
      // 2026-06-10 "Add Alpine 3.24 and drop 3.22"; 2025-12-03 "Add Alpine 3.23 and drop 3.21".
      'https://github.com/docker-library/python/pull/1123',
      'https://github.com/docker-library/python/pull/1099',
    ],
  },
];

/** The variant policy of an official image, by its Docker Hub path. */
export function officialAlpineVariants(
  imagePath: string,
): OfficialAlpineVariants | undefined {
  return OFFICIAL_ALPINE_VARIANTS.find(entry => entry.image === imagePath);
}
