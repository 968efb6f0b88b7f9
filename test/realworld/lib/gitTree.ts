/*
 * One commit of a git repository as a `RepositoryTree` (what
 * `collectBuildContext` reads a Dockerfile's build context from): the listing
 * of one `git ls-tree -r -l` (paths, object ids, sizes; folders implied by the
 * paths) and, for the few files asked for, one `git cat-file --batch` started
 * at the first read and fed object ids one at a time (`close` ends it).
 * Nothing is checked out. It answers as the CLI's file-system tree of a
 * checkout would: a symbolic link to a file is that file, one to a folder or
 * out of the repository is neither; a submodule is an (uninitialised, empty)
 * folder. The checkout's own `.git` folder is not part of the commit, so it
 * is not listed.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { posix } from 'node:path';
import type {
  RepositoryTree,
  TreeEntry,
} from '@alpine-advisor/repository-layout';
import type { ListedEntry } from './git';

const SYMLINK = '120000';
/** Links followed before giving up, as the kernel's ELOOP. */
const MAX_LINKS = 40;

interface Directory {
  kind: 'directory';
  children: Map<string, Node>;
}
type Node = { kind: 'blob'; entry: ListedEntry } | Directory;

function directoryNode(): Directory {
  return { kind: 'directory', children: new Map() };
}

function notFound(path: string): Error {
  return Object.assign(
    new Error(`ENOENT: no such file or directory, '${path}'`),
    { code: 'ENOENT' },
  );
}

/**
 * One `git cat-file --batch` answering reads in order: a process per
 * repository rather than one per blob (each costs 5-20 ms to start on a large
 * repository).
 */
class BlobReader {
  private child?: ChildProcessWithoutNullStreams;
  private pending: Array<{
    sha: string;
    resolve: (content: Buffer) => void;
    reject: (error: Error) => void;
  }> = [];
  private buffered = Buffer.alloc(0);
  private failure?: Error;

  constructor(private readonly gitDir: string) {}

  read(sha: string): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ sha, resolve, reject });
      this.process().stdin.write(`${sha}\n`);
    });
  }

  /** Ends the process once it has answered what was asked; later reads fail. */
  close(): void {
    this.failure ??= new Error(`the reader of ${this.gitDir} is closed`);
    this.child?.stdin.end();
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', [
      '--git-dir',
      this.gitDir,
      'cat-file',
      '--batch',
    ]);
    const stderr: Buffer[] = [];
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.answer();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const request of this.pending.splice(0)) request.reject(error);
    };
    child.on('error', fail);
    child.on('close', code => {
      if (this.pending.length > 0)
        fail(
          new Error(
            `git cat-file --batch ended (${code}): ${Buffer.concat(stderr)
              .toString('utf8')
              .trim()}`,
          ),
        );
    });
    this.child = child;
    return child;
  }

  /** Answers the requests whose objects have arrived whole: `<id> blob <size>\n<bytes>\n`, or `<id> missing\n`. */
  private answer(): void {
    while (this.pending.length > 0) {
      const headerEnd = this.buffered.indexOf(0x0a);
      if (headerEnd < 0) return;
      const [, type, sizeText] = this.buffered
        .subarray(0, headerEnd)
        .toString('utf8')
        .split(' ');
      const request = this.pending[0];
      if (sizeText === undefined) {
        this.pending.shift();
        this.buffered = this.buffered.subarray(headerEnd + 1);
        request.reject(new Error(`git object ${request.sha} is ${type}`));
        continue;
      }
      const size = Number(sizeText);
      const start = headerEnd + 1;
      if (this.buffered.length < start + size + 1) return;
      this.pending.shift();
      const content = Buffer.from(this.buffered.subarray(start, start + size));
      this.buffered = this.buffered.subarray(start + size + 1);
      if (type === 'blob') request.resolve(content);
      else request.reject(new Error(`git object ${request.sha} is a ${type}`));
    }
  }
}

/**
 * The tree of one commit. `listing` is its `listTree`; `known` are files
 * already read (the Dockerfiles), which are then not read again. `reads`
 * counts the blobs read; `close` ends the reading process, when done.
 */
export function gitTree(
  gitDir: string,
  listing: readonly ListedEntry[],
  known: ReadonlyArray<{ path: string; content: Uint8Array }> = [],
): RepositoryTree & { reads: () => number; close: () => void } {
  const root = directoryNode();
  for (const entry of listing) {
    const segments = entry.path.split('/');
    let folder = root;
    for (const name of segments.slice(0, -1)) {
      const child = folder.children.get(name);
      if (child?.kind === 'directory') folder = child;
      else {
        const created = directoryNode();
        folder.children.set(name, created);
        folder = created;
      }
    }
    const name = segments[segments.length - 1];
    // A submodule is a folder of the checkout, empty until initialised.
    folder.children.set(
      name,
      entry.type === 'commit' ? directoryNode() : { kind: 'blob', entry },
    );
  }
  const reader = new BlobReader(gitDir);
  const bySha = new Map<string, Promise<Uint8Array>>();
  const pathContent = new Map(known.map(file => [file.path, file.content]));
  let reads = 0;
  const blob = (entry: ListedEntry): Promise<Uint8Array> => {
    const already = pathContent.get(entry.path);
    if (already) return Promise.resolve(already);
    let content = bySha.get(entry.sha);
    if (!content) {
      reads++;
      content = reader.read(entry.sha);
      bySha.set(entry.sha, content);
    }
    return content;
  };
  const lookup = (path: string): Node | undefined => {
    let node: Node | undefined = root;
    for (const name of path.split('/').filter(Boolean)) {
      if (node?.kind !== 'directory') return undefined;
      node = node.children.get(name);
    }
    return node;
  };
  /** The regular file a path names, following symbolic links within the commit. */
  const resolveFile = async (
    path: string,
  ): Promise<ListedEntry | undefined> => {
    let current = path;
    for (let hop = 0; hop <= MAX_LINKS; hop++) {
      const node = lookup(current);
      if (node?.kind !== 'blob') return undefined;
      if (node.entry.mode !== SYMLINK) return node.entry;
      const target = Buffer.from(await blob(node.entry)).toString('utf8');
      if (posix.isAbsolute(target)) return undefined;
      current = posix.normalize(posix.join(posix.dirname(current), target));
      if (current === '..' || current.startsWith('../')) return undefined;
    }
    return undefined;
  };
  return {
    async list(directory) {
      const node = lookup(directory);
      if (node?.kind !== 'directory') throw notFound(directory);
      return Promise.all(
        [...node.children].map(async ([name, child]): Promise<TreeEntry> => {
          if (child.kind === 'directory') return { name, kind: 'directory' };
          if (child.entry.mode !== SYMLINK) return { name, kind: 'file' };
          const path = directory ? `${directory}/${name}` : name;
          // A link that cannot be followed (its blob missing) is no file, as a dangling one.
          const file = await resolveFile(path).catch(() => undefined);
          return { name, kind: file ? 'file' : 'other' };
        }),
      );
    },
    async read(path) {
      const entry = await resolveFile(path);
      if (!entry) throw notFound(path);
      return blob(entry);
    },
    async size(path) {
      return (await resolveFile(path))?.size;
    },
    reads: () => reads,
    close: () => reader.close(),
  };
}
