import fs from 'node:fs';
import path from 'node:path';
import { isDockerfileName, SKIPPED_DIRECTORIES } from './isDockerfileName';

/** What a directory search found, and the subdirectories it could not read. */
export interface DirectorySearch {
  files: string[];
  unreadable: Array<{ path: string; reason: string }>;
}

/**
 * Finds Dockerfiles under `root`, depth-first, sorted per directory so the
 * output order is stable. Symbolic links to directories are not followed (no
 * cycles); links to files are, when the name matches.
 */
export function findDockerfiles(root: string): DirectorySearch {
  const search: DirectorySearch = { files: [], unreadable: [] };
  walk(root, search);
  return search;
}

function walk(directory: string, search: DirectorySearch): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    search.unreadable.push({ path: directory, reason: describeError(error) });
    return;
  }
  // Code-point order, not locale order: the same listing on every machine.
  entries.sort((a, b) => compareCodePoints(a.name, b.name));
  for (const entry of entries) {
    const fullPath = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(fullPath, search);
    } else if (isDockerfileName(entry.name) && isFile(entry, fullPath)) {
      search.files.push(fullPath);
    }
  }
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function isFile(entry: fs.Dirent, fullPath: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(fullPath).isFile();
  } catch {
    return false;
  }
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
