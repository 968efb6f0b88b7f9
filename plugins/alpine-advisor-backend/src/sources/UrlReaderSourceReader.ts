import type {
  DockerfileSourceReader,
  EntitySourceLocation,
  SourceFile,
  SourceReadRequest,
  SourceSnapshot,
} from '@alpine-advisor/backstage-plugin-node';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError, isError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  CONFIG_FILE_NAME,
  dockerfileSelector,
  isConfigFile,
  isGlobPattern,
} from './dockerfilePatterns';
import { fileUrlsBelow } from './resolveSourceLocation';

/**
 * Reads `url:` sources through the backend's UrlReader (GitHub, GitLab,
 * Bitbucket, Azure, plain HTTP…).
 *
 * - Annotation lists plain paths: each file (and the root
 *   `.alpine-advisor.yaml`) is read with its own ETag; the revision is the
 *   set of ETags, so an unchanged repository costs one conditional request
 *   per file and no download. Works with every reader, including plain fetch.
 * - Globs, or no annotation: one `readTree` of the source folder filtered to
 *   Dockerfiles and config files; the revision is the commit, so an unchanged
 *   repository costs one cheap commit lookup (`NotModifiedError`).
 */
export class UrlReaderSourceReader implements DockerfileSourceReader {
  readonly id = 'url-reader';

  constructor(
    private readonly urlReader: UrlReaderService,
    private readonly integrations?: ScmIntegrationRegistry,
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
    const isSelected = dockerfileSelector(request.patterns);
    let tree;
    try {
      tree = await this.urlReader.readTree(request.location.target, {
        etag: request.revision,
        signal: request.signal,
        filter: path => isSelected(path) || isConfigFile(path),
      });
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
    const files = await tree.files();
    const dockerfiles: SourceFile[] = [];
    const configFiles: SourceFile[] = [];
    for (const file of files) {
      const entry = { path: file.path, content: await file.content() };
      (isConfigFile(file.path) ? configFiles : dockerfiles).push(entry);
    }
    dockerfiles.sort((a, b) => a.path.localeCompare(b.path));
    return { revision: tree.etag, dockerfiles, configFiles };
  }

  private async readListedFiles(
    request: SourceReadRequest,
    paths: string[],
  ): Promise<SourceSnapshot> {
    const wanted = [...new Set([...paths, CONFIG_FILE_NAME])];
    const previous = parseRevision(request.revision, wanted);
    const urlOf = fileUrlsBelow(request.location.target, this.integrations);
    const read = (path: string, etag: string | null | undefined) =>
      this.readFile(urlOf(path), request.signal, etag);

    let results = await Promise.all(
      wanted.map(path => read(path, previous?.[path])),
    );
    const unchanged = results.every(result => result.state === 'unchanged');
    if (previous && unchanged) {
      throw new NotModifiedError();
    }
    if (results.some(result => result.state === 'unchanged')) {
      // Part of the set changed: the unchanged files are needed in full too.
      results = await Promise.all(
        wanted.map((path, index) =>
          results[index].state === 'unchanged'
            ? read(path, undefined)
            : results[index],
        ),
      );
    }

    const revision: Record<string, string | null> = {};
    const dockerfiles: SourceFile[] = [];
    const configFiles: SourceFile[] = [];
    wanted.forEach((path, index) => {
      const result = results[index];
      revision[path] = result.state === 'read' ? result.etag ?? null : null;
      if (result.state === 'read') {
        const file = { path, content: result.content };
        (path === CONFIG_FILE_NAME ? configFiles : dockerfiles).push(file);
      }
    });
    const hasEveryEtag = Object.entries(revision).every(
      ([path, etag]) =>
        etag !== null || !dockerfiles.some(f => f.path === path),
    );
    return {
      revision: hasEveryEtag ? JSON.stringify(revision) : undefined,
      dockerfiles,
      configFiles,
    };
  }

  private async readFile(
    url: string,
    signal: AbortSignal,
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

type FileRead =
  | { state: 'read'; etag?: string; content: Buffer }
  | { state: 'unchanged' }
  | { state: 'missing' };

/**
 * The previous per-file ETags (null for "was missing"), only when they cover
 * exactly the files wanted now; otherwise everything is read afresh.
 */
function parseRevision(
  revision: string | undefined,
  wanted: string[],
): Record<string, string | null> | undefined {
  if (!revision) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(revision);
    const keys = Object.keys(parsed).sort();
    const sameFiles =
      keys.length === wanted.length &&
      [...wanted].sort().every((path, index) => keys[index] === path);
    return sameFiles ? parsed : undefined;
  } catch {
    return undefined;
  }
}
