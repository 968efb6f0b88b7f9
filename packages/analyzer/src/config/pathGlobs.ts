import { Minimatch } from 'minimatch';

const compiled = new Map<string, Minimatch>();
/** Long-running hosts (the backend) see many configs: keep the cache bounded. */
const MAX_COMPILED = 1000;

/** Paths are compared in POSIX form, relative to the config file's directory. */
export function normalizeRelativePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * Why a glob cannot work, or undefined when it can. Globs are relative to
 * the config file's directory, so absolute ones and ones leaving it never match.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) {
    return `"${glob}" is absolute; globs are relative to the config file's directory`;
  }
  if (normalizeRelativePath(glob).split('/').includes('..')) {
    return `"${glob}" leaves the config file's directory; it can never match`;
  }
  try {
    matcherFor(glob);
  } catch (error) {
    return `"${glob}" is not a valid glob: ${(error as Error).message}`;
  }
  return undefined;
}

/**
 * minimatch with two conveniences users expect from .gitignore-like files:
 * a glob without a slash matches the file name at any depth (`Dockerfile.dev`),
 * and a trailing slash means everything below (`legacy/`). The one glob
 * meaning of the product: config overrides here, the Dockerfile annotation's
 * globs in `@alpine-advisor/repository-layout`.
 * @public
 */
export function globMatches(glob: string, relativePath: string): boolean {
  return matcherFor(glob).match(normalizeRelativePath(relativePath));
}

function matcherFor(glob: string): Minimatch {
  let matcher = compiled.get(glob);
  if (!matcher) {
    let pattern = normalizeRelativePath(glob);
    if (pattern.endsWith('/')) pattern += '**';
    matcher = new Minimatch(pattern, {
      dot: true,
      matchBase: !pattern.includes('/'),
    });
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(glob, matcher);
  }
  return matcher;
}
