import {
  DockerfileSourceReader,
  EntitySourceLocation,
  SourceReadRequest,
  SourceSnapshot,
} from '@alpine-advisor/backstage-plugin-node';
import { CONFIG_FILE_NAMES } from '@alpine-advisor/repository-layout';
import { NotModifiedError } from '@backstage/errors';

/** One fake repository: its files and revision, or how reading it fails. */
export interface FakeRepository {
  files?: Record<string, string>;
  revision?: string;
  failWith?: Error;
  /** Never answers: for timeouts. */
  hang?: boolean;
}

/**
 * A source reader over in-memory repositories keyed by location target,
 * honouring revisions like real readers do.
 */
export class InMemorySourceReader implements DockerfileSourceReader {
  readonly id = 'in-memory';
  readonly reads: SourceReadRequest[] = [];

  constructor(readonly repositories: Record<string, FakeRepository> = {}) {}

  canRead(location: EntitySourceLocation): boolean {
    return location.type === 'url';
  }

  async read(request: SourceReadRequest): Promise<SourceSnapshot> {
    this.reads.push(request);
    const repository = this.repositories[request.location.target];
    if (!repository) {
      throw new Error(
        `Request failed for ${request.location.target}, 404 Not Found`,
      );
    }
    if (repository.hang) {
      return new Promise<SourceSnapshot>(() => {});
    }
    if (repository.failWith) {
      throw repository.failWith;
    }
    if (request.revision && request.revision === repository.revision) {
      throw new NotModifiedError();
    }
    const entries = Object.entries(repository.files ?? {}).map(
      ([path, content]) => ({ path, content }),
    );
    const isConfig = (path: string) =>
      CONFIG_FILE_NAMES.some(name => path.endsWith(name));
    return {
      revision: repository.revision,
      dockerfiles: entries.filter(
        entry =>
          !isConfig(entry.path) &&
          (!request.patterns || request.patterns.includes(entry.path)),
      ),
      configFiles: entries.filter(entry => isConfig(entry.path)),
    };
  }
}
