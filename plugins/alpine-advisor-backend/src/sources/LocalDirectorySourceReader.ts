import {
  DockerfileSourceReader,
  EntitySourceLocation,
  SourceFile,
  SourceReadRequest,
  SourceRefusedError,
  SourceSnapshot,
} from '@alpine-advisor/backstage-plugin-node';
import { NotModifiedError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { Dirent } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  CONFIG_FILE_NAME,
  dockerfileSelector,
  isConfigFile,
  isGlobPattern,
  isSkippedDirectory,
} from './dockerfilePatterns';

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
    const revision = revisionOf(files);
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
      (isConfigFile(file.path) ? configFiles : dockerfiles).push(entry);
    }
    return { revision, dockerfiles, configFiles };
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
        [...new Set([...patterns, CONFIG_FILE_NAME])].map(path =>
          this.statInside(root, path),
        ),
      );
      return listed.filter((file): file is LocalFile => Boolean(file));
    }
    const isSelected = dockerfileSelector(patterns);
    const found: LocalFile[] = [];
    await this.walk(root, '', 0, { count: 0 }, async path => {
      if (isSelected(path) || isConfigFile(path)) {
        const file = await this.statInside(root, path);
        if (file) {
          found.push(file);
        }
      }
    });
    return found.sort((a, b) => a.path.localeCompare(b.path));
  }

  private async walk(
    root: string,
    directory: string,
    depth: number,
    budget: { count: number },
    visit: (path: string) => Promise<void>,
  ): Promise<void> {
    if (depth > MAX_DEPTH) {
      return;
    }
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, directory), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      budget.count += 1;
      if (budget.count > MAX_DIRECTORY_ENTRIES) {
        return;
      }
      const path = directory ? `${directory}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!isSkippedDirectory(entry.name)) {
          await this.walk(root, path, depth + 1, budget, visit);
        }
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        await visit(path);
      }
    }
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

function revisionOf(files: LocalFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file.path}\u0000${file.size}\u0000${file.mtimeMs}\n`);
  }
  return `local:${hash.digest('hex').slice(0, 32)}`;
}
