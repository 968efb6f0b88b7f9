import fs from 'node:fs';
import path from 'node:path';

/**
 * The root of the git work tree holding `directory`: the nearest ancestor
 * with a `.git` entry (a directory, or a file in worktrees and submodules).
 * Falls back to `directory` itself outside a repository.
 */
export function repositoryRoot(directory: string): string {
  let current = path.resolve(directory);
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(directory);
    current = parent;
  }
}
