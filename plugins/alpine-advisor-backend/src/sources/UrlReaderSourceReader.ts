import type {
  DockerfileSourceReader,
  EntitySourceLocation,
  SourceFile,
  SourceReadRequest,
  SourceSnapshot,
} from '@alpine-advisor/backstage-plugin-node';
import type {
  UrlReaderService,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { NotModifiedError, isError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  CONFIG_FILE_NAMES,
  buildContextCandidates,
  classifyRepositoryPath,
  contextEntryOf,
  entryPlaceholders,
  isBuildContextPath,
  findRepositoryFiles,
  isConfigFileName,
  isGlobPattern,
  treeFromFiles,
} from '@alpine-advisor/repository-layout';
import { buildContextsOf } from './buildContexts';
import { fileUrlsBelow } from './resolveSourceLocation';
import { SlowOrigins } from './SlowOrigins';

/**
 * Reads `url:` sources through the backend's UrlReader (GitHub, GitLab,
 * Bitbucket, Azure, plain HTTP…).
 *
 * - Annotation lists plain paths: each file (and the root
 *   `.alpine-advisor.yaml` / `.yml`, and the build-context files each
 *   Dockerfile can consult) is read with its own ETag; the revision is the
 *   set of ETags, so an unchanged repository costs one conditional request
 *   per file and no download. Works with every reader, including plain fetch.
 * - Globs, or no annotation: one `readTree` of the source folder filtered to
 *   Dockerfiles and config files; the revision is the commit, so an unchanged
 *   repository costs one cheap commit lookup (`NotModifiedError`).
 *
 * Which files are Dockerfiles and config files, which folders are skipped
 * and the files' order come from `@alpine-advisor/repository-layout`, as in
 * the CLI: the tree's files are walked like a directory on disk.
 */
export class UrlReaderSourceReader implements DockerfileSourceReader {
  readonly id = 'url-reader';

  constructor(
    private readonly urlReader: UrlReaderService,
    private readonly integrations?: ScmIntegrationRegistry,
    private readonly slowOrigins = new SlowOrigins(),
  ) {}

  canRead(location: EntitySourceLocation): boolean {
    return location.type === 'url';
  }

  async read(request: SourceReadRequest): Promise<SourceSnapshot> {
    const { patterns } = request;
    if (patterns && !patterns.some(isGlobPattern)) {
      return this.readListedFiles(request, patterns);
    }
    return this.readFilteredTree(request);
  }

  private async readFilteredTree(
    request: SourceReadRequest,
  ): Promise<SourceSnapshot> {
    const { patterns } = request;
    // Names of entries `COPY . .` should not carry (node_modules, .env), seen but never read.
    const entries = new Set<string>();
    try {
      const tree = await this.urlReader.readTree(request.location.target, {
        etag: request.revision,
        signal: request.signal,
        filter: path => {
          if (classifyRepositoryPath(path, patterns) !== undefined) return true;
          const entry = contextEntryOf(path);
          if (entry) {
            entries.add(entry);
            return false;
          }
          return isBuildContextPath(path);
        },
      });
      return await snapshotOfTree(tree, entries, patterns);
    } catch (error) {
      if (
        isError(error) &&
        /does not implement readTree/i.test(error.message)
      ) {
        throw new Error(
          `The reader for ${request.location.target} cannot list files: list the Dockerfiles (no globs) in the alpine-advisor.io/dockerfiles annotation`,
        );
      }
      throw error;
    }
  }

  private async readListedFiles(
    request: SourceReadRequest,
    paths: string[],
  ): Promise<SourceSnapshot> {
    const listed = [...new Set([...paths, ...CONFIG_FILE_NAMES])];
    const urlOf = fileUrlsBelow(request.location.target, this.integrations);
    const signal = this.slowOrigins.signalFor(
      originOf(request.location.target),
      request.signal,
    );
    const contextPaths = new Set<string>();
    let contextFailed = false;
    // Build-context files are optional: absent is normal, and one that
    // cannot be read is left out rather than failing the scan.
    const read = async (path: string, etag: string | null | undefined) => {
      if (!contextPaths.has(path))
        return this.readFile(urlOf(path), signal, etag);
      try {
        return await this.readFile(urlOf(path), signal, etag);
      } catch (error) {
        if (isError(error) && error.name === 'AbortError') throw error;
        contextFailed = true;
        return { state: 'missing' } as const;
      }
    };

    // Unchanged Dockerfiles consult the same context files as last time,
    // which the revision names: one conditional request each.
    const previous = parseRevision(request.revision, listed);
    const fresh = new Map<string, FileRead>();
    if (previous) {
      const asked = Object.keys(previous);
      for (const path of asked)
        if (!listed.includes(path)) contextPaths.add(path);
      const results = await Promise.all(
        asked.map(path => read(path, previous[path])),
      );
      if (results.every(result => result.state === 'unchanged')) {
        throw new NotModifiedError();
      }
      // Its requests may have outlived a timed-out scan: read no further.
      request.signal.throwIfAborted();
      asked.forEach((path, index) => {
        if (results[index].state !== 'unchanged')
          fresh.set(path, results[index]);
      });
      contextPaths.clear();
    }
    // Something changed (or this is the first read): the files in full, then
    // the context files the Dockerfiles, as they are now, can consult.
    const readFresh = (path: string) =>
      fresh.get(path) ?? read(path, undefined);
    const listedResults = await Promise.all(listed.map(readFresh));
    request.signal.throwIfAborted();
    for (const [index, path] of listed.entries()) {
      const result = listedResults[index];
      if (result.state !== 'read' || isConfigFileName(path)) continue;
      for (const candidate of buildContextCandidates(
        path,
        result.content.toString('utf8'),
      ))
        if (!listed.includes(candidate) && !isConfigFileName(candidate))
          contextPaths.add(candidate);
    }
    const contextList = [...contextPaths];
    const contextResults = await Promise.all(contextList.map(readFresh));
    const wanted = [...listed, ...contextList];
    const results = [...listedResults, ...contextResults];

    const revision: Record<string, string | null> = {};
    const dockerfiles: SourceFile[] = [];
    const configFiles: SourceFile[] = [];
    const contextFiles: SourceFile[] = [];
    wanted.forEach((path, index) => {
      const result = results[index];
      revision[path] = result.state === 'read' ? result.etag ?? null : null;
      if (result.state === 'read') {
        const file = { path, content: result.content };
        if (contextPaths.has(path)) contextFiles.push(file);
        else (isConfigFileName(path) ? configFiles : dockerfiles).push(file);
      }
    });
    const hasEveryEtag =
      !contextFailed &&
      Object.entries(revision).every(
        ([path, etag]) =>
          etag !== null ||
          !(
            dockerfiles.some(f => f.path === path) ||
            contextFiles.some(f => f.path === path)
          ),
      );
    const contexts = await buildContextsOf(
      treeFromFiles([...dockerfiles, ...contextFiles]),
      dockerfiles.map(file => file.path),
    );
    return {
      revision: hasEveryEtag ? JSON.stringify(revision) : undefined,
      dockerfiles,
      configFiles,
      contexts,
    };
  }

  private async readFile(
    url: string,
    signal: AbortSignal | undefined,
    etag: string | null | undefined,
  ): Promise<FileRead> {
    try {
      const response = await this.urlReader.readUrl(url, {
        etag: etag ?? undefined,
        signal,
      });
      return {
        state: 'read',
        etag: response.etag,
        content: await readBody(url, response),
      };
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError') {
        return { state: 'unchanged' };
      }
      if (isError(error) && error.name === 'NotFoundError') {
        // A missing file is unchanged if it was missing last time too.
        return etag === null ? { state: 'unchanged' } : { state: 'missing' };
      }
      throw error;
    }
  }
}

/** A filtered tree's Dockerfiles, config files and build contexts. */
async function snapshotOfTree(
  tree: UrlReaderServiceReadTreeResponse,
  entries: ReadonlySet<string>,
  patterns: string[] | undefined,
): Promise<SourceSnapshot> {
  const read: SourceFile[] = [];
  for (const file of await tree.files()) {
    read.push({ path: file.path, content: await file.content() });
  }
  const byPath = new Map(read.map(file => [file.path, file.content]));
  const found = await findRepositoryFiles(treeFromFiles(read), { patterns });
  const fileAt = (path: string): SourceFile => ({
    path,
    content: byPath.get(path) ?? '',
  });
  const dockerfiles = found.dockerfiles.map(fileAt);
  const configFiles = found.configFiles.map(fileAt);
  // The same tree, with the entries seen, gives each Dockerfile its build context.
  const contexts = await buildContextsOf(
    treeFromFiles([...read, ...entryPlaceholders(entries)]),
    found.dockerfiles,
  );
  return { revision: tree.etag, dockerfiles, configFiles, contexts };
}

/**
 * The body, or an error that says the file was cut short: fetch only says
 * "terminated" when the connection closes before the announced length.
 */
async function readBody(
  url: string,
  response: { buffer(): Promise<Buffer> },
): Promise<Buffer> {
  try {
    return await response.buffer();
  } catch (error) {
    if (isError(error) && error.name === 'AbortError') {
      throw error;
    }
    const reason = isError(error) ? error.message : String(error);
    throw new Error(
      `Reading ${url} failed before the whole file arrived (${reason}); the connection to the source closed early`,
    );
  }
}

/** `scheme://host[:port]` of a URL, the key timeouts are remembered by. */
function originOf(url: string): string {
  return (/^[a-z][\w+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? url).toLowerCase();
}

type FileRead =
  | { state: 'read'; etag?: string; content: Buffer }
  | { state: 'unchanged' }
  | { state: 'missing' };

/**
 * The previous per-file ETags (null for "was missing"), only when they cover
 * the files listed now (the Dockerfiles and root config files); the rest are
 * the context files those Dockerfiles consulted. Otherwise everything is
 * read afresh.
 */
function parseRevision(
  revision: string | undefined,
  listed: string[],
): Record<string, string | null> | undefined {
  if (!revision) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(revision);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return undefined;
    }
    const covers = listed.every(path => Object.hasOwn(parsed, path));
    const listedPaths = new Set(listed);
    const restAreContext = Object.keys(parsed).every(
      path => listedPaths.has(path) || isBuildContextPath(path),
    );
    return covers && restAreContext ? parsed : undefined;
  } catch {
    return undefined;
  }
}
