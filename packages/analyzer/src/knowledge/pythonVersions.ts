/*
 * Just enough PEP 440 to compare release numbers and read the version
 * constraints people write on a `pip install` line.
 */

/** `1.25.0rc1` → [1, 25, 0]: the release segments, pre/post/dev tags ignored. */
export function releaseSegments(version: string): number[] {
  const match = /^v?(\d+(?:\.\d+)*)/.exec(version.trim());
  return match ? match[1].split('.').map(Number) : [];
}

/** Compares release numbers (`1.25` equals `1.25.0`). */
export function compareReleases(a: string, b: string): number {
  const left = releaseSegments(a);
  const right = releaseSegments(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A requirement as written on the command line: `pandas[excel]==1.5.3`, `numpy<1.25`. */
export interface Requirement {
  /** PEP 503 normalised name: lower case, runs of `-_.` as `-`. */
  name: string;
  /** `(operator, version)` pairs, e.g. `[['<', '1.25']]`. */
  constraints: Array<[string, string]>;
}

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/;

/** Parses `name[extras] op version, op version`; undefined for paths, URLs, options and `name @ url`. */
export function parseRequirement(text: string): Requirement | undefined {
  if (/^[-./~$]|:\/\/|\.whl$|\.tar\.gz$|\.zip$/.test(text)) return undefined;
  const match = REQUIREMENT.exec(text.trim());
  if (!match || match[3].startsWith('@')) return undefined;
  const constraints: Array<[string, string]> = [];
  for (const part of match[3].split(';')[0].split(',')) {
    const constraint = /^\s*(===|==|~=|!=|<=|>=|<|>)\s*([^\s]+)\s*$/.exec(part);
    if (constraint) constraints.push([constraint[1], constraint[2]]);
  }
  return { name: normalizeName(match[1]), constraints };
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * True when every version the constraints allow is older than `release`:
 * `==1.24.4`, `<1.25`, `<=1.24.4`, `~=1.24.0` against `1.25.0`. Lower
 * bounds and no constraint allow the newest release.
 */
export function onlyAllowsOlderThan(
  constraints: Array<[string, string]>,
  release: string,
): boolean {
  return constraints.some(([operator, version]) => {
    if (operator === '==' || operator === '===')
      return !version.includes('*') && compareReleases(version, release) < 0;
    if (operator === '<') return compareReleases(version, release) <= 0;
    if (operator === '<=') return compareReleases(version, release) < 0;
    if (operator === '~=')
      return compareReleases(compatibleUpperBound(version), release) <= 0;
    return false;
  });
}

/** `~=1.24.0` allows `<1.25`; `~=2.1` allows `<3`. */
function compatibleUpperBound(version: string): string {
  const segments = releaseSegments(version);
  if (segments.length < 2) return version;
  const kept = segments.slice(0, -1);
  kept[kept.length - 1] += 1;
  return kept.join('.');
}
