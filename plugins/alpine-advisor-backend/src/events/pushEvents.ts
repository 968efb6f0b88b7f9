/*
 * Push events as GitHub and GitLab send them (through the events backend's
 * HTTP ingress and the GitHub and GitLab event modules, which publish them
 * on the `github.push` and `gitlab.push` topics), read into one shape.
 * Merges arrive as the push to the target branch that both send for them.
 */

/** The topics the subscriber listens to. */
export const PUSH_TOPICS = ['github.push', 'gitlab.push'] as const;

/** A push to a branch, whichever SCM sent it. */
export interface RepositoryPush {
  provider: 'github' | 'gitlab';
  /** The repository's web URLs (without a trailing slash or `.git`). */
  repositoryUrls: string[];
  /**
   * `owner/name` (GitHub `full_name`, GitLab `path_with_namespace`): the value
   * of the `github.com/project-slug` or `gitlab.com/project-slug` annotation
   * of entities in this repository.
   */
  slug?: string;
  /** The pushed branch (`refs/heads/` removed). */
  branch: string;
  /** The repository's default branch, when the event says. */
  defaultBranch?: string;
  /** The commit the branch now points at: a change is an entity and this commit. */
  headCommit: string;
  /**
   * Files added, modified or removed by the pushed commits, relative to the
   * repository root. Undefined when the event does not list them all (GitLab
   * lists 20 commits, GitHub 2048; a force push may list none): then every
   * entity of the repository on that branch is rescanned.
   */
  changedPaths?: string[];
}

/** Why an event is not a push this plugin acts on. */
export type IgnoredPush = { ignored: string };

const ZERO_COMMIT = /^0+$/;
/** GitHub's documented cap on the commits of one push payload. */
const GITHUB_MAX_COMMITS = 2048;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** A repository web URL as the index compares it: no `.git`, no trailing slash. */
export function normaliseRepositoryUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return undefined;
  }
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  return `${parsed.protocol}//${parsed.host}${path}`;
}

function changedPathsOf(
  commits: unknown,
  complete: boolean,
): string[] | undefined {
  if (!Array.isArray(commits) || commits.length === 0 || !complete) {
    return undefined;
  }
  const paths = new Set<string>();
  for (const commit of commits) {
    if (!isObject(commit)) {
      return undefined;
    }
    for (const key of ['added', 'modified', 'removed']) {
      const list = commit[key];
      if (list === undefined) {
        continue;
      }
      if (!Array.isArray(list)) {
        return undefined;
      }
      for (const path of list) {
        if (typeof path === 'string') {
          paths.add(path.replace(/^\/+/, ''));
        }
      }
    }
  }
  return [...paths];
}

function branchOf(ref: unknown): string | undefined {
  const text = stringOf(ref);
  return text?.startsWith('refs/heads/')
    ? text.slice('refs/heads/'.length)
    : undefined;
}

function urls(...candidates: unknown[]): string[] {
  const found = new Set<string>();
  for (const candidate of candidates) {
    const text = stringOf(candidate);
    const url = text ? normaliseRepositoryUrl(text) : undefined;
    if (url) {
      found.add(url);
    }
  }
  return [...found];
}

/**
 * Reads a push event of one of PUSH_TOPICS. Tag pushes, deleted branches
 * and payloads without a repository or head commit are ignored, saying why.
 */
export function readPushEvent(
  topic: string,
  payload: unknown,
): RepositoryPush | IgnoredPush {
  if (!isObject(payload)) {
    return { ignored: 'the payload is not an object' };
  }
  const branch = branchOf(payload.ref);
  if (!branch) {
    return {
      ignored: `${String(payload.ref)} is not a branch (tags are not scanned)`,
    };
  }
  const after = stringOf(payload.after);
  if (!after || ZERO_COMMIT.test(after)) {
    return { ignored: `branch ${branch} was deleted` };
  }
  if (topic === 'github.push') {
    const repository = isObject(payload.repository) ? payload.repository : {};
    const repositoryUrls = urls(repository.html_url, repository.url);
    if (repositoryUrls.length === 0) {
      return { ignored: 'the event names no repository URL' };
    }
    const commits = payload.commits;
    return {
      provider: 'github',
      repositoryUrls,
      slug: stringOf(repository.full_name),
      branch,
      defaultBranch: stringOf(repository.default_branch),
      headCommit: after,
      changedPaths: changedPathsOf(
        commits,
        Array.isArray(commits) && commits.length < GITHUB_MAX_COMMITS,
      ),
    };
  }
  if (topic === 'gitlab.push') {
    const project = isObject(payload.project) ? payload.project : {};
    const repository = isObject(payload.repository) ? payload.repository : {};
    const repositoryUrls = urls(project.web_url, repository.homepage);
    if (repositoryUrls.length === 0) {
      return { ignored: 'the event names no project URL' };
    }
    const commits = payload.commits;
    const total = payload.total_commits_count;
    return {
      provider: 'gitlab',
      repositoryUrls,
      slug: stringOf(project.path_with_namespace),
      branch,
      defaultBranch: stringOf(project.default_branch),
      headCommit: after,
      changedPaths: changedPathsOf(
        commits,
        Array.isArray(commits) &&
          (typeof total !== 'number' || total <= commits.length),
      ),
    };
  }
  return { ignored: `topic ${topic} is not a push topic` };
}
