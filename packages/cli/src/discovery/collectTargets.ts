import fs from 'node:fs';
import path from 'node:path';
import {
  fileSystemTree,
  findRepositoryFiles,
  NotADockerfile,
  whyNotADockerfile,
} from '@alpine-advisor/repository-layout';
import { describeError } from '../cli/describeError';

/** One Dockerfile to analyse: a file on disk or standard input. */
export type Target = { kind: 'file'; absolutePath: string } | { kind: 'stdin' };

export interface TargetCollection {
  targets: Target[];
  /** Paths that do not exist or cannot be read: reported, exit code 2. */
  errors: string[];
  /** Directories that hold no Dockerfile: worth a note, not an error. */
  emptyDirectories: string[];
  /**
   * Files found by name in a directory whose text is not a Dockerfile
   * (templates, sources, fragments): not analysed, worth a note. The path
   * is relative to the working directory.
   */
  notDockerfiles: Array<{ path: string; why: NotADockerfile }>;
}

/**
 * Expands the command line's paths into Dockerfiles: files are taken as
 * given whatever their name, directories are searched with the repository
 * layout the portal uses too (`@alpine-advisor/repository-layout`: Dockerfile
 * names, skipped folders, order; a file found by name is taken only when its
 * text reads as a Dockerfile), `-` is stdin (once). A file reached twice
 * (named and inside a named directory) is analysed once.
 */
export async function collectTargets(
  paths: string[],
  cwd: string,
): Promise<TargetCollection> {
  const collection: TargetCollection = {
    targets: [],
    errors: [],
    emptyDirectories: [],
    notDockerfiles: [],
  };
  const seen = new Set<string>();
  const addFile = (absolutePath: string) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    collection.targets.push({ kind: 'file', absolutePath });
  };
  for (const given of paths) {
    if (given === '-') {
      if (!seen.has('-')) collection.targets.push({ kind: 'stdin' });
      seen.add('-');
      continue;
    }
    const absolutePath = path.resolve(cwd, given);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolutePath);
    } catch (error) {
      collection.errors.push(`${given}: ${describeError(error)}`);
      continue;
    }
    if (!stats.isDirectory()) {
      addFile(absolutePath);
      continue;
    }
    const search = await findRepositoryFiles(fileSystemTree(absolutePath));
    const onDisk = (relative: string) =>
      relative ? path.join(absolutePath, ...relative.split('/')) : absolutePath;
    for (const unreadable of search.unreadable) {
      collection.errors.push(
        `${path.relative(cwd, onDisk(unreadable.path)) || '.'}: ${describeError(
          unreadable.error,
        )}`,
      );
    }
    const found = search.dockerfiles.map(onDisk).filter(file => {
      const why = notADockerfile(file);
      if (why) {
        collection.notDockerfiles.push({ path: path.relative(cwd, file), why });
      }
      return !why;
    });
    if (found.length === 0) collection.emptyDirectories.push(given);
    found.forEach(addFile);
  }
  return collection;
}

/**
 * The portal's test of a file found by name (`whyNotADockerfile`). A file
 * that cannot be read here is kept: reading it for analysis says why.
 */
function notADockerfile(absolutePath: string): NotADockerfile | undefined {
  try {
    return whyNotADockerfile(absolutePath, fs.readFileSync(absolutePath));
  } catch {
    return undefined;
  }
}
