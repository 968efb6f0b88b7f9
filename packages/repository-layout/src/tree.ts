import { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** An entry of a folder: files and folders; anything else is `other`. @public */
export interface TreeEntry {
  name: string;
  kind: 'file' | 'directory' | 'other';
}

/**
 * A repository as the walker and the config resolver see it, whatever holds
 * it: the file system (CLI, local sources), a UrlReader tree or a test's
 * files in memory. Paths are relative to the repository root, with forward
 * slashes; `''` is the root.
 * @public
 */
export interface RepositoryTree {
  /** The entries of a folder; rejects when it cannot be read. */
  list(directory: string): Promise<readonly TreeEntry[]>;
  /** The bytes (or text) of a file; rejects when it cannot be read. */
  read(path: string): Promise<Uint8Array | string>;
  /**
   * The size of a file in bytes, when the tree can tell without reading it:
   * huge files are then never read whole.
   */
  size?(path: string): Promise<number | undefined>;
}

/** A file with its content, path relative to the repository root. @public */
export interface TreeFile {
  path: string;
  content: Uint8Array | string;
}

/**
 * A tree over files held in memory: what a UrlReader `readTree` returned, or
 * a test's fixture. Folders are implied by the paths.
 * @public
 */
export function treeFromFiles(files: readonly TreeFile[]): RepositoryTree {
  const contents = new Map<string, Uint8Array | string>();
  const folders = new Map<string, Map<string, TreeEntry['kind']>>();
  const entriesOf = (directory: string) => {
    let entries = folders.get(directory);
    if (!entries) {
      entries = new Map();
      folders.set(directory, entries);
    }
    return entries;
  };
  entriesOf('');
  for (const file of files) {
    const segments = file.path.split('/').filter(Boolean);
    contents.set(segments.join('/'), file.content);
    segments.forEach((name, index) => {
      const directory = segments.slice(0, index).join('/');
      const kind = index === segments.length - 1 ? 'file' : 'directory';
      entriesOf(directory).set(name, kind);
    });
  }
  return {
    async list(directory) {
      const entries = folders.get(directory);
      if (!entries) throw notFound(directory);
      return [...entries].map(([name, kind]) => ({ name, kind }));
    },
    async read(path) {
      const content = contents.get(path);
      if (content === undefined) throw notFound(path);
      return content;
    },
    async size(path) {
      const content = contents.get(path);
      if (content === undefined) return undefined;
      return typeof content === 'string' ? content.length : content.byteLength;
    },
  };
}

function notFound(path: string): Error {
  return Object.assign(
    new Error(`ENOENT: no such file or directory, '${path}'`),
    { code: 'ENOENT' },
  );
}

/**
 * The file system below `root` (an absolute path) as a tree. Symbolic links
 * to files count as files; links to folders are not followed (no cycles).
 * @public
 */
export function fileSystemTree(root: string): RepositoryTree {
  const absolute = (path: string) =>
    path === '' ? root : join(root, ...path.split('/'));
  return {
    async list(directory) {
      const entries = await readdir(absolute(directory), {
        withFileTypes: true,
      });
      return Promise.all(
        entries.map(async entry => ({
          name: entry.name,
          kind: await kindOf(entry, join(absolute(directory), entry.name)),
        })),
      );
    },
    read: path => readFile(absolute(path)),
    async size(path) {
      try {
        return (await stat(absolute(path))).size;
      } catch {
        return undefined;
      }
    },
  };
}

async function kindOf(
  entry: Dirent,
  fullPath: string,
): Promise<TreeEntry['kind']> {
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    return (await stat(fullPath)).isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}
