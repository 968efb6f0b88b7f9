/*
 * Container paths as COPY, WORKDIR and build commands write them: relative
 * to a working directory, with `.`/`..` segments, trailing slashes and
 * globs. Cross-stage rules ask whether one path lies inside another.
 */

const GLOB = /[*?[]/;

/** Resolves `path` against `base` (default `/`): `..`, `.` and repeated slashes removed, no trailing slash. */
export function resolvePath(path: string, base = '/'): string {
  // Already resolved (absolute, no empty, `.` or `..` segment, no trailing
  // slash): most COPY paths are, and cross-stage rules resolve every one.
  if (
    path.length > 1 &&
    path.charCodeAt(0) === 47 /* / */ &&
    path.charCodeAt(path.length - 1) !== 47 &&
    !path.includes('//') &&
    !path.includes('/.')
  )
    return path;
  const joined = path.startsWith('/') ? path : `${base}/${path}`;
  const segments: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/**
 * The directory part before the first glob segment: `/app/*` → `/app`,
 * `/out/app-*.so` → `/out`. A COPY of a glob copies from inside it.
 */
export function globBase(path: string): string {
  if (!GLOB.test(path)) return path;
  const segments = path.split('/');
  const firstGlob = segments.findIndex(segment => GLOB.test(segment));
  if (firstGlob === -1) return path;
  const base = segments.slice(0, firstGlob).join('/');
  return base === '' && path.startsWith('/') ? '/' : base || '.';
}

/** True when `inner` is `outer` or lies below it (both resolved, absolute). */
export function pathContains(outer: string, inner: string): boolean {
  if (outer === '/') return true;
  return inner === outer || inner.startsWith(`${outer}/`);
}

/** True when two resolved paths overlap: one contains the other. */
export function pathsOverlap(a: string, b: string): boolean {
  return pathContains(a, b) || pathContains(b, a);
}
