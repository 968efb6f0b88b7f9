import { globMatches } from '@alpine-advisor/analyzer';
import {
  isConfigFileName,
  isDockerfileName,
  isSkippedDirectory,
} from './names';

const GLOB_CHARACTERS = /[*?[\]{}!]/;

/**
 * Thrown for a Dockerfile path or glob that could leave the repository
 * (absolute, `..`, backslashes) or an annotation that lists nothing.
 * @public
 */
export class DockerfilePatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DockerfilePatternError';
  }
}

/**
 * Reads the `alpine-advisor.io/dockerfiles` annotation: comma-separated paths
 * or globs relative to the repository (the entity's source location),
 * normalised (`./` dropped). Anything that could leave it is refused.
 * @public
 */
export function parseDockerfilePatterns(annotation: string): string[] {
  const patterns = annotation
    .split(',')
    .map(entry => entry.trim())
    .filter(Boolean);
  if (patterns.length === 0) {
    throw new DockerfilePatternError(
      'The alpine-advisor.io/dockerfiles annotation lists no path',
    );
  }
  return patterns.map(checkedPattern);
}

function checkedPattern(pattern: string): string {
  if (pattern.includes('\\')) {
    throw new DockerfilePatternError(
      `Dockerfile path "${pattern}" must use forward slashes`,
    );
  }
  if (pattern.startsWith('/') || /^[a-z]+:/i.test(pattern)) {
    throw new DockerfilePatternError(
      `Dockerfile path "${pattern}" must be relative to the entity's source location`,
    );
  }
  if (pattern.split('/').includes('..')) {
    throw new DockerfilePatternError(
      `Dockerfile path "${pattern}" leaves the entity's source location (path traversal refused)`,
    );
  }
  // A trailing slash means "everything below": keep it.
  return normalizePath(pattern) + (pattern.endsWith('/') ? '/' : '');
}

/** POSIX form without `./` segments or a leading slash. */
function normalizePath(path: string): string {
  return path
    .split('/')
    .filter(segment => segment !== '.' && segment !== '')
    .join('/');
}

/**
 * Whether a Dockerfile pattern is a glob (or a folder, `legacy/`) rather
 * than one file's path.
 * @public
 */
export function isGlobPattern(pattern: string): boolean {
  return GLOB_CHARACTERS.test(pattern) || pattern.endsWith('/');
}

/**
 * Whether a path (relative to the repository) matches a pattern. A plain
 * path names one file. A glob has the meaning it has in `.alpine-advisor.yaml`
 * overrides (the analyzer's `globMatches`: minimatch with dotfiles, a glob
 * without a slash matches the file name at any depth, a trailing slash means
 * everything below): one glob language for the whole product.
 * @public
 */
export function matchesPattern(relativePath: string, pattern: string): boolean {
  return isGlobPattern(pattern)
    ? globMatches(pattern, relativePath)
    : relativePath === pattern;
}

/** The leading segments of a pattern that hold no glob character. */
function literalSegments(pattern: string): string[] {
  const segments = pattern.split('/');
  const firstGlob = segments.findIndex(segment => isGlobPattern(segment));
  // A plain path is literal up to its file name.
  return firstGlob === -1 ? segments : segments.slice(0, firstGlob);
}

/**
 * Whether a folder (relative path, `''` the root) may hold selected files:
 * folders below a skipped one (node_modules, vendor…) are not searched,
 * unless one of the patterns names that skipped folder literally
 * (`vendor/acme/*` reaches into vendor; `**` does not).
 */
function mayEnter(directorySegments: string[], patterns?: string[]): boolean {
  const skipped = directorySegments
    .map((segment, index) => (isSkippedDirectory(segment) ? index : -1))
    .filter(index => index >= 0);
  if (skipped.length === 0) return true;
  if (!patterns) return false;
  const deepest = skipped[skipped.length - 1];
  return patterns.some(pattern => {
    const literal = literalSegments(pattern);
    return (
      literal.length > deepest &&
      directorySegments
        .slice(0, deepest + 1)
        .every((segment, index) => literal[index] === segment)
    );
  });
}

/** What a repository file is to Alpine Advisor. @public */
export type RepositoryFileKind = 'dockerfile' | 'config';

/**
 * What a file (path relative to the repository, POSIX separators) is:
 * a Dockerfile to analyse, a config file, or nothing (undefined).
 *
 * Without patterns, Dockerfiles are found by name outside skipped folders.
 * With patterns (the annotation), a file is a Dockerfile when a pattern
 * matches it, whatever its name. Config files are found by name outside
 * skipped folders either way. Every reader (file system, UrlReader tree,
 * listed files) and the directory walker decide with this one function.
 * @public
 */
export function classifyRepositoryPath(
  relativePath: string,
  patterns?: string[],
): RepositoryFileKind | undefined {
  const path = normalizePath(relativePath);
  const segments = path.split('/');
  const fileName = segments.pop() ?? '';
  if (isConfigFileName(fileName) && mayEnter(segments)) return 'config';
  if (patterns) {
    return mayEnter(segments, patterns) &&
      patterns.some(pattern => matchesPattern(path, pattern))
      ? 'dockerfile'
      : undefined;
  }
  return isDockerfileName(fileName) && mayEnter(segments)
    ? 'dockerfile'
    : undefined;
}

/**
 * Whether the walker descends into a folder (relative path): the same rule
 * as `classifyRepositoryPath` applies to the folders above a file.
 * @public
 */
export function isSearchedDirectory(
  relativePath: string,
  patterns?: string[],
): boolean {
  const path = normalizePath(relativePath);
  return mayEnter(path === '' ? [] : path.split('/'), patterns);
}
