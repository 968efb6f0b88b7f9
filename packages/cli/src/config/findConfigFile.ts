import fs from 'node:fs';
import path from 'node:path';

/** Config file names, in order of preference within one directory. */
export const CONFIG_FILE_NAMES = [
  '.alpine-advisor.yaml',
  '.alpine-advisor.yml',
];

/**
 * The nearest config file in `directory` or one of its ancestors, or
 * undefined. `cache` maps directories already visited to their answer, so a
 * repository of many Dockerfiles costs one stat per directory, not per file.
 */
export function findConfigFile(
  directory: string,
  cache: Map<string, string | undefined>,
): string | undefined {
  const visited: string[] = [];
  let current = path.resolve(directory);
  let found: string | undefined;
  for (;;) {
    if (cache.has(current)) {
      found = cache.get(current);
      break;
    }
    visited.push(current);
    found = configFileIn(current);
    if (found) break;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directoryVisited of visited) cache.set(directoryVisited, found);
  return found;
}

function configFileIn(directory: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(directory, name);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Absent or unreadable as a directory entry: keep looking upward.
    }
  }
  return undefined;
}
