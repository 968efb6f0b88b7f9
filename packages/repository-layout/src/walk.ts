import { classifyRepositoryPath, isSearchedDirectory } from './patterns';
import type { RepositoryTree, TreeEntry } from './tree';

/** How far a search goes. @public */
export interface RepositorySearchOptions {
  /** The `alpine-advisor.io/dockerfiles` patterns; discovery by name without. */
  patterns?: string[];
  /** Folders deeper than this are not searched (no limit by default). */
  maxDepth?: number;
  /** The search stops after this many folder entries (no limit by default). */
  maxEntries?: number;
}

/** The Dockerfiles and config files of a repository, paths relative to it. @public */
export interface RepositoryFiles {
  /** Depth-first, each folder's entries in code-point order: the same order on every machine. */
  dockerfiles: string[];
  configFiles: string[];
  /** Folders that could not be listed, with why. */
  unreadable: Array<{ path: string; error: unknown }>;
  /** Whether `maxEntries` stopped the search early. */
  truncated: boolean;
}

/**
 * Walks a repository tree and classifies every file with
 * `classifyRepositoryPath`: the one search both the CLI and the backend run.
 * Skipped folders are not entered (unless a pattern names them).
 * @public
 */
export async function findRepositoryFiles(
  tree: RepositoryTree,
  options: RepositorySearchOptions = {},
): Promise<RepositoryFiles> {
  const found: RepositoryFiles = {
    dockerfiles: [],
    configFiles: [],
    unreadable: [],
    truncated: false,
  };
  let entriesSeen = 0;
  const walk = async (directory: string, depth: number): Promise<void> => {
    let entries: TreeEntry[];
    try {
      entries = [...(await tree.list(directory))];
    } catch (error) {
      found.unreadable.push({ path: directory, error });
      return;
    }
    // Code-point order, not locale order: the same listing on every machine.
    entries.sort((a, b) => compareCodePoints(a.name, b.name));
    for (const entry of entries) {
      if (found.truncated) return;
      entriesSeen += 1;
      if (
        options.maxEntries !== undefined &&
        entriesSeen > options.maxEntries
      ) {
        found.truncated = true;
        return;
      }
      const path = directory ? `${directory}/${entry.name}` : entry.name;
      if (entry.kind === 'directory') {
        const deeper = depth + 1;
        if (
          (options.maxDepth === undefined || deeper <= options.maxDepth) &&
          isSearchedDirectory(path, options.patterns)
        ) {
          await walk(path, deeper);
        }
      } else if (entry.kind === 'file') {
        const kind = classifyRepositoryPath(path, options.patterns);
        if (kind === 'dockerfile') found.dockerfiles.push(path);
        else if (kind === 'config') found.configFiles.push(path);
      }
    }
  };
  await walk('', 0);
  return found;
}

/** Compares strings by UTF-16 code units, the order `findRepositoryFiles` lists files in. @public */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
