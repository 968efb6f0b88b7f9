import type { EntitySourceLocation } from '@alpine-advisor/backstage-plugin-node';
import {
  classifyRepositoryPath,
  isBuildContextPath,
} from '@alpine-advisor/repository-layout';
import type { RepositoryPush } from './pushEvents';

/** What a push means to one entity. */
export type PushMatch =
  /** It changed a file the entity's scan reads (or the event does not say which files it changed). */
  | { kind: 'affected'; folder: string }
  /** The entity's branch of this repository, but no Dockerfile or config of its folder. */
  | { kind: 'unaffected'; folder: string }
  /** This repository, another branch (or a commit the location pins). */
  | { kind: 'other-branch' }
  /** Not this repository. */
  | { kind: 'elsewhere' };

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The branch and folder an entity's source location names inside a
 * repository: `…/tree/<branch>/<folder>/` (GitHub; `blob` too, and GitLab's
 * `/-/tree/`), or the repository itself (its default branch). Undefined when
 * the location is not in the repository. A branch with slashes
 * (`release/2.x`) is matched against the pushed branch's segments.
 */
function locate(
  location: URL,
  repositoryUrl: string,
  push: RepositoryPush,
): { folder: string } | 'other-branch' | undefined {
  const repository = parseUrl(repositoryUrl);
  if (
    !repository ||
    repository.host.toLowerCase() !== location.host.toLowerCase()
  ) {
    return undefined;
  }
  const repositoryPath = repository.pathname.replace(/\/+$/, '').toLowerCase();
  const path = location.pathname;
  const lower = path.toLowerCase();
  if (lower !== repositoryPath && !lower.startsWith(`${repositoryPath}/`)) {
    return undefined;
  }
  const segments = path
    .slice(repositoryPath.length)
    .split('/')
    .filter(segment => segment !== '')
    .map(decodeSegment);
  if (segments[0] === '-') {
    segments.shift();
  }
  if (segments[0] === 'tree' || segments[0] === 'blob') {
    const refAndFolder = segments.slice(1);
    const branch = push.branch.split('/');
    const onBranch = branch.every(
      (segment, index) => refAndFolder[index] === segment,
    );
    return onBranch
      ? { folder: refAndFolder.slice(branch.length).join('/') }
      : 'other-branch';
  }
  // The repository itself, or a folder of it without a branch: its default branch.
  if (push.defaultBranch && push.defaultBranch !== push.branch) {
    return 'other-branch';
  }
  return { folder: segments.join('/') };
}

/**
 * Whether a push changed what an entity's scan reads: a Dockerfile, an
 * `.alpine-advisor.yaml` or a build-context file (manifests, lockfiles,
 * `.dockerignore`) of its source folder, in the sense of
 * `@alpine-advisor/repository-layout` (its annotation's patterns when it has
 * them), on the branch its source location names. Removed files count:
 * a removed Dockerfile changes the result too.
 */
export function matchPush(
  location: EntitySourceLocation | undefined,
  push: RepositoryPush,
  patterns?: string[],
  options: {
    /**
     * The entity names the repository by annotation (`github.com/project-slug`)
     * while its source location is not a URL in it (a local folder, another
     * host): its sources are taken to be the repository's root on its default
     * branch.
     */
    atRepositoryRoot?: boolean;
  } = {},
): PushMatch {
  const url = location?.type === 'url' ? parseUrl(location.target) : undefined;
  let found: { folder: string } | 'other-branch' | undefined;
  for (const repositoryUrl of url ? push.repositoryUrls : []) {
    found = locate(url!, repositoryUrl, push);
    if (found) {
      break;
    }
  }
  if (!found && options.atRepositoryRoot) {
    found =
      push.defaultBranch && push.defaultBranch !== push.branch
        ? 'other-branch'
        : { folder: '' };
  }
  if (!found) {
    return { kind: 'elsewhere' };
  }
  if (found === 'other-branch') {
    return { kind: 'other-branch' };
  }
  const { folder } = found;
  if (!push.changedPaths) {
    return { kind: 'affected', folder };
  }
  const below = folder === '' ? '' : `${folder}/`;
  const touches = push.changedPaths.some(path => {
    if (!path.startsWith(below)) {
      return false;
    }
    const relative = path.slice(below.length);
    return (
      classifyRepositoryPath(relative, patterns) !== undefined ||
      isBuildContextPath(relative)
    );
  });
  return touches
    ? { kind: 'affected', folder }
    : { kind: 'unaffected', folder };
}
