import {
  DockerfileSourceReader,
  EntitySourceLocation,
  SourceFile,
  SourceReadRequest,
  SourceRefusedError,
  SourceSnapshot,
} from '@alpine-advisor/backstage-plugin-node';
import type { BuildContextInput } from '@alpine-advisor/analyzer';
import { NotModifiedError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import {
  CONFIG_FILE_NAMES,
  classifyRepositoryPath,
  fileSystemTree,
  findRepositoryFiles,
  isGlobPattern,
  type RepositoryTree,
} from '@alpine-advisor/repository-layout';
import { buildContextsOf } from './buildContexts';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Bounds discovery in huge or looping trees. */
const MAX_DIRECTORY_ENTRIES = 20_000;
const MAX_DEPTH = 12;

interface LocalFile {
  path: string;
  absolutePath: string;
  size: number;
  mtimeMs: number;
}

/**
 * Reads `file:` sources (entities registered from local catalog files, as in
 * local development and the demo) from disk, only under the directories
 * allowed in `alpineAdvisor.localSources.allowedDirectories`. Symbolic links
 * are resolved before that check, so a link cannot lead outside either.
 * The revision is a hash of the files' paths, sizes and modification times.
 * Which files count, which folders are skipped and the order come from
 * `@alpine-advisor/repository-layout`, the walker the CLI runs too.
 */
export class LocalDirectorySourceReader implements DockerfileSourceReader {
  readonly id = 'local-directory';
  private allowedRoots?: Promise<string[]>;

  /**
   * @param allowedDirectories - absolute, or relative to `workingDirectory`
   */
  constructor(
    private readonly allowedDirectories: string[],
    private readonly workingDirectory: string = process.cwd(),
  ) {}

  canRead(location: EntitySourceLocation): boolean {
    return location.type === 'file';
  }

  async read(request: SourceReadRequest): Promise<SourceSnapshot> {
    const root = await this.allowedSourceRoot(request.location.target);
    const files = await this.selectFiles(root, request.patterns);
    const dockerfilePaths = files
      .filter(
        file =>
          classifyRepositoryPath(file.path, request.patterns) !== 'config',
      )
      .map(file => file.path);
    // Read before the revision: a lockfile's change is a change of the source.
    const contexts = await buildContextsOf(
      this.guardedTree(root),
      dockerfilePaths,
    );
    const revision = revisionOf(files, contexts);
    if (request.revision && request.revision === revision) {
      throw new NotModifiedError();
    }
    const dockerfiles: SourceFile[] = [];
    const configFiles: SourceFile[] = [];
    for (const file of files) {
      const entry = {
        path: file.path,
        content: await readFile(file.absolutePath),
      };
      (classifyRepositoryPath(file.path, request.patterns) === 'config'
        ? configFiles
        : dockerfiles
      ).push(entry);
    }
    return { revision, dockerfiles, configFiles, contexts };
  }

  /**
   * The source folder as a tree whose reads refuse files that resolve
   * outside it (a lockfile linked to a file elsewhere is not read).
   */
  private guardedTree(root: string): RepositoryTree {
    const tree = fileSystemTree(root);
    return {
      list: directory => tree.list(directory),
      size: path => tree.size!(path),
      read: async path => {
        const file = await this.statInside(root, path);
        if (!file) throw new Error(`${path} is not a regular file`);
        return readFile(file.absolutePath);
      },
    };
  }

  private async allowedSourceRoot(target: string): Promise<string> {
    const roots = await this.resolveAllowedRoots();
    if (roots.length === 0) {
      throw new SourceRefusedError(
        `Local source ${target} refused: no directory is allowed in alpineAdvisor.localSources.allowedDirectories`,
      );
    }
    let real: string;
    try {
      real = await realpath(target);
    } catch {
      throw new SourceRefusedError(
        `Local source ${target} refused: it does not exist or cannot be read`,
      );
    }
    if (!roots.some(root => isInside(real, root))) {
      throw new SourceRefusedError(
        `Local source ${target} refused: it is not under the allowed directories (alpineAdvisor.localSources.allowedDirectories: ${this.allowedDirectories.join(
          ', ',
        )})`,
      );
    }
    return real;
  }

  private resolveAllowedRoots(): Promise<string[]> {
    this.allowedRoots ??= Promise.all(
      this.allowedDirectories.map(directory =>
        realpath(resolve(this.workingDirectory, directory)).catch(
          () => undefined,
        ),
      ),
    ).then(roots => roots.filter((root): root is string => Boolean(root)));
    return this.allowedRoots;
  }

  private async selectFiles(
    root: string,
    patterns: string[] | undefined,
  ): Promise<LocalFile[]> {
    if (patterns && !patterns.some(isGlobPattern)) {
      const listed = await Promise.all(
        [...new Set([...patterns, ...CONFIG_FILE_NAMES])].map(path =>
          this.statInside(root, path),
        ),
      );
      return listed.filter((file): file is LocalFile => Boolean(file));
    }
    const found = await findRepositoryFiles(fileSystemTree(root), {
      patterns,
      maxDepth: MAX_DEPTH,
      maxEntries: MAX_DIRECTORY_ENTRIES,
    });
    const files: LocalFile[] = [];
    for (const path of [...found.dockerfiles, ...found.configFiles]) {
      const file = await this.statInside(root, path);
      if (file) {
        files.push(file);
      }
    }
    return files;
  }

  /** The file at `path` under `root`, refusing anything that resolves outside it. */
  private async statInside(
    root: string,
    path: string,
  ): Promise<LocalFile | undefined> {
    let real: string;
    try {
      real = await realpath(join(root, path));
    } catch {
      return undefined;
    }
    if (!isInside(real, root)) {
      throw new SourceRefusedError(
        `Local file ${path} refused: it resolves outside the entity's source directory`,
      );
    }
    const info = await stat(real);
    if (!info.isFile()) {
      return undefined;
    }
    return { path, absolutePath: real, size: info.size, mtimeMs: info.mtimeMs };
  }
}

function isInside(path: string, root: string): boolean {
  const relation = relative(root, path);
  return (
    relation === '' ||
    (!relation.startsWith(`..${sep}`) &&
      relation !== '..' &&
      !isAbsolute(relation))
  );
}

function revisionOf(
  files: LocalFile[],
  contexts: Record<string, BuildContextInput>,
): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file.path}\u0000${file.size}\u0000${file.mtimeMs}\n`);
  }
  for (const [dockerfile, context] of Object.entries(contexts)) {
    hash.update(
      `context:${dockerfile}\u0000${(context.entries ?? []).join(',')}\n`,
    );
    for (const file of context.files) {
      hash.update(
        `${file.path}\u0000${JSON.stringify(file.skipped ?? null)}\u0000`,
      );
      if (file.content !== undefined) hash.update(file.content);
      hash.update('\n');
    }
  }
  return `local:${hash.digest('hex').slice(0, 32)}`;
}
