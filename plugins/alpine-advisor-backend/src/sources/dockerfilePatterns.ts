import { SourceRefusedError } from '@alpine-advisor/backstage-plugin-node';
import { minimatch } from 'minimatch';
import { posix } from 'node:path';

/** The per-repository analyzer settings file. */
export const CONFIG_FILE_NAME = '.alpine-advisor.yaml';

/** Directories whose Dockerfiles are someone else's (dependencies, VCS data). */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  'vendor',
  '.git',
  'bower_components',
  'third_party',
]);

const DOCKERFILE_NAME =
  /^(?:(?:dockerfile|containerfile)(?:[.-][^/]+)?|[^/]+\.(?:dockerfile|containerfile))$/i;
const TEMPLATE_SUFFIX = /\.(?:template|tmpl|tpl|j2|jinja2?|erb|in)$/i;
const GLOB_CHARACTERS = /[*?[\]{}!]/;

/**
 * Reads the `alpine-advisor.io/dockerfiles` annotation: comma-separated paths
 * or globs relative to the source. Anything that could leave the source
 * (absolute paths, `..` segments, backslashes) is refused.
 */
export function parseDockerfilePatterns(annotation: string): string[] {
  const patterns = annotation
    .split(',')
    .map(entry => entry.trim())
    .filter(Boolean);
  if (patterns.length === 0) {
    throw new SourceRefusedError(
      'The alpine-advisor.io/dockerfiles annotation lists no path',
    );
  }
  return patterns.map(checkedPattern);
}

function checkedPattern(pattern: string): string {
  if (pattern.includes('\\')) {
    throw new SourceRefusedError(
      `Dockerfile path "${pattern}" must use forward slashes`,
    );
  }
  if (pattern.startsWith('/') || /^[a-z]+:/i.test(pattern)) {
    throw new SourceRefusedError(
      `Dockerfile path "${pattern}" must be relative to the entity's source location`,
    );
  }
  if (pattern.split('/').includes('..')) {
    throw new SourceRefusedError(
      `Dockerfile path "${pattern}" leaves the entity's source location (path traversal refused)`,
    );
  }
  return posix.normalize(pattern).replace(/^\.\//, '');
}

export function isGlobPattern(pattern: string): boolean {
  return GLOB_CHARACTERS.test(pattern);
}

/** Whether a file name is a Dockerfile: `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`… */
export function isDockerfileName(fileName: string): boolean {
  return DOCKERFILE_NAME.test(fileName) && !TEMPLATE_SUFFIX.test(fileName);
}

/** Whether a directory segment is skipped when discovering Dockerfiles. */
export function isSkippedDirectory(name: string): boolean {
  return SKIPPED_DIRECTORIES.has(name);
}

/** Whether a path (relative to the source) is a Dockerfile that discovery keeps. */
export function isDiscoverableDockerfile(relativePath: string): boolean {
  const segments = relativePath.split('/');
  const fileName = segments.pop() ?? '';
  return isDockerfileName(fileName) && !segments.some(isSkippedDirectory);
}

/** Whether a path matches one of the annotation's patterns (dotfiles included). */
export function matchesPatterns(
  relativePath: string,
  patterns: string[],
): boolean {
  return patterns.some(pattern =>
    minimatch(relativePath, pattern, { dot: true }),
  );
}

/** Which Dockerfiles of a source to keep: the annotation's, or discovered ones. */
export function dockerfileSelector(
  patterns: string[] | undefined,
): (relativePath: string) => boolean {
  return patterns
    ? relativePath => matchesPatterns(relativePath, patterns)
    : isDiscoverableDockerfile;
}

/** Whether a path is a `.alpine-advisor.yaml` outside skipped directories. */
export function isConfigFile(relativePath: string): boolean {
  const segments = relativePath.split('/');
  return (
    segments.pop() === CONFIG_FILE_NAME && !segments.some(isSkippedDirectory)
  );
}
