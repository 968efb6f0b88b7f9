/*
 * Finding repositories in a folder (bare mirrors or work trees) and reading
 * their Dockerfiles straight from git objects: `git ls-tree` lists the tree of
 * one commit, one `git cat-file --batch` reads every blob. Nothing is checked
 * out, so bare mirrors (such as `OWNER+NAME/repo`) work as well as clones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { classifyRepositoryPath } from '@alpine-advisor/repository-layout';

function byText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** One repository found under the corpus folder. */
export interface FoundRepo {
  /** `owner/name` when it can be told, else the path relative to the folder. */
  name: string;
  /** The git directory (`…/repo` of a bare mirror, `…/.git` of a clone). */
  gitDir: string;
  /** Path relative to the corpus folder. */
  relativePath: string;
}

/** One Dockerfile read from a repository. */
export interface ExtractedFile {
  path: string;
  content: Buffer;
}

/** Larger files are not hand-written Dockerfiles. */
const MAX_BYTES = 512 * 1024;

/**
 * The product's discovery, so that the corpus is what the CLI and the portal
 * would analyse: Dockerfile names outside dependencies, test data and project
 * templates (`classifyRepositoryPath`). What a file's text then says it is
 * (a template, Go source) is the caller's to ask (`whyNotADockerfile`).
 */
export function isDockerfilePath(path: string): boolean {
  return classifyRepositoryPath(path) === 'dockerfile';
}

function isBareGitDir(dir: string): boolean {
  return (
    existsSync(join(dir, 'HEAD')) &&
    existsSync(join(dir, 'objects')) &&
    existsSync(join(dir, 'refs'))
  );
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Walks `root` (up to `maxDepth` levels) for git repositories: bare ones and
 * work trees (a `.git` directory or file). Does not descend into a repository.
 */
export function findRepos(root: string, maxDepth = 4): FoundRepo[] {
  const found: FoundRepo[] = [];
  const visit = (dir: string, depth: number) => {
    const dotGit = join(dir, '.git');
    if (existsSync(dotGit)) {
      found.push(describe(root, dir, isDirectory(dotGit) ? dotGit : dir));
      return;
    }
    if (isBareGitDir(dir)) {
      found.push(describe(root, dir, dir));
      return;
    }
    if (depth >= maxDepth) return;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.') && entry !== '.git') continue;
      const child = join(dir, entry);
      if (isDirectory(child)) visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return found.sort((a, b) => byText(a.name, b.name));
}

function describe(root: string, dir: string, gitDir: string): FoundRepo {
  const relativePath = relative(root, dir).split(sep).join('/') || '.';
  return {
    name: repoName(relativePath, originUrl(gitDir)),
    gitDir,
    relativePath,
  };
}

function originUrl(gitDir: string): string | undefined {
  try {
    return git(gitDir, ['config', '--get', 'remote.origin.url'])
      .toString('utf8')
      .trim();
  } catch {
    return undefined;
  }
}

/**
 * `owner/name` of a repository: from its origin URL (github.com/owner/name),
 * else from the mirror layout `owner+name[/repo]`, else from `owner/name`
 * folders, else the relative path itself.
 */
export function repoName(relativePath: string, origin?: string): string {
  const url = origin?.match(
    /github\.com[:/]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/,
  );
  if (url) return `${url[1]}/${url[2]}`;
  const segments = relativePath.split('/').filter(Boolean);
  const mirror = segments.find(segment => /^[^+]+\+[^+]+$/.test(segment));
  if (mirror) return mirror.replace('+', '/');
  const plain = segments.filter(segment => segment !== 'repo');
  const tail = plain.slice(-2).map(segment => segment.replace(/\.git$/, ''));
  if (tail.length === 2) return tail.join('/');
  return relativePath;
}

function git(gitDir: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['--git-dir', gitDir, ...args], {
    input,
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** The commit to read: `wanted` when the repository has it, else HEAD. */
export function resolveCommit(
  gitDir: string,
  wanted?: string,
): { commit: string; date: string; wantedMissing: boolean } {
  let wantedMissing = false;
  if (wanted) {
    try {
      const line = git(gitDir, [
        'log',
        '-1',
        '--format=%H %cI',
        `${wanted}^{commit}`,
      ])
        .toString('utf8')
        .trim();
      const [commit, date] = line.split(' ');
      return { commit, date, wantedMissing };
    } catch {
      wantedMissing = true;
    }
  }
  const [commit, date] = git(gitDir, ['log', '-1', '--format=%H %cI', 'HEAD'])
    .toString('utf8')
    .trim()
    .split(' ');
  return { commit, date, wantedMissing };
}

/** One entry of `git ls-tree -r -l` (files, symbolic links and submodules; folders are implied by paths). */
export interface ListedEntry {
  path: string;
  /** `100644`, `100755` (files), `120000` (symbolic links), `160000` (submodules). */
  mode: string;
  type: 'blob' | 'commit';
  /** Object id. */
  sha: string;
  /** Bytes of a blob; undefined for a submodule. */
  size?: number;
}

/** The whole tree of `commit`, with blob sizes: one `git ls-tree -r -l -z --full-tree`. */
export function listTree(gitDir: string, commit: string): ListedEntry[] {
  const listing = git(gitDir, [
    'ls-tree',
    '-r',
    '-l',
    '-z',
    '--full-tree',
    commit,
  ])
    .toString('utf8')
    .split('\0');
  const entries: ListedEntry[] = [];
  for (const line of listing) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    // `<mode> <type> <object> <size padded with spaces>`
    const [mode, type, sha, sizeText] = line.slice(0, tab).split(/ +/);
    if (type !== 'blob' && type !== 'commit') continue;
    const size = Number(sizeText);
    entries.push({
      path: line.slice(tab + 1),
      mode,
      type,
      sha,
      size: type === 'blob' && Number.isFinite(size) ? size : undefined,
    });
  }
  return entries;
}

/**
 * Every Dockerfile in the tree of `commit`, read with one `git cat-file
 * --batch`. `listing` is the commit's `listTree` when the caller has it.
 */
export function extractDockerfiles(
  gitDir: string,
  commit: string,
  listing: readonly ListedEntry[] = listTree(gitDir, commit),
): ExtractedFile[] {
  const wanted: Array<{ sha: string; path: string }> = [];
  for (const entry of listing) {
    if (entry.type !== 'blob' || entry.mode === '120000') continue; // symlinks are not files
    if (isDockerfilePath(entry.path))
      wanted.push({ sha: entry.sha, path: entry.path });
  }
  if (wanted.length === 0) return [];
  const output = git(
    gitDir,
    ['cat-file', '--batch'],
    `${wanted.map(file => file.sha).join('\n')}\n`,
  );
  const files: ExtractedFile[] = [];
  let offset = 0;
  for (const file of wanted) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const [, type, sizeText] = header.split(' ');
    if (type === 'missing' || sizeText === undefined) {
      offset = headerEnd + 1;
      continue;
    }
    const size = Number(sizeText);
    const start = headerEnd + 1;
    if (size <= MAX_BYTES) {
      files.push({
        path: file.path,
        content: Buffer.from(output.subarray(start, start + size)),
      });
    }
    offset = start + size + 1; // the blob is followed by a newline
  }
  return files.sort((a, b) => byText(a.path, b.path));
}
