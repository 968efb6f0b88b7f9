/*
 * Fetching the corpus: each repository of repos.json into DIR/OWNER+NAME/repo
 * as a bare repository holding just the listed commit (a shallow fetch by
 * commit id, which GitHub serves), with HEAD on it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RepoEntry } from './corpus';

export const DEFAULT_GIT_BASE = 'https://github.com/';

function git(args: string[]): string {
  return execFileSync('git', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    .toString('utf8')
    .trim();
}

function hasCommit(gitDir: string, commit: string): boolean {
  try {
    git(['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Where a repository goes: the mirror layout `OWNER+NAME/repo`. */
export function clonePath(dir: string, repo: string): string {
  return join(dir, repo.replace('/', '+'), 'repo');
}

/** Brings one repository at its commit into `dir`; `already` when it was there. */
export function cloneRepo(
  dir: string,
  entry: RepoEntry,
  base: string = DEFAULT_GIT_BASE,
): 'fetched' | 'already' {
  const gitDir = clonePath(dir, entry.repo);
  if (existsSync(gitDir) && hasCommit(gitDir, entry.commit)) return 'already';
  mkdirSync(gitDir, { recursive: true });
  git(['init', '-q', '--bare', gitDir]);
  git([
    '--git-dir',
    gitDir,
    'fetch',
    '-q',
    '--depth',
    '1',
    '--no-tags',
    `${base}${entry.repo}.git`,
    entry.commit,
  ]);
  git([
    '--git-dir',
    gitDir,
    'update-ref',
    'refs/heads/realworld',
    entry.commit,
  ]);
  git(['--git-dir', gitDir, 'symbolic-ref', 'HEAD', 'refs/heads/realworld']);
  return 'fetched';
}
