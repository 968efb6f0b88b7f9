import type { BuildContextInput } from '@alpine-advisor/analyzer';
import type { Entity } from '@backstage/catalog-model';

/**
 * Where an entity's sources live, as resolved from its
 * `backstage.io/source-location` (or `managed-by-location`) annotation:
 * `type` is e.g. `url` or `file`, `target` a directory URL or an absolute
 * directory path.
 * @public
 */
export interface EntitySourceLocation {
  type: string;
  target: string;
}

/** A file read from an entity's source, path relative to the source location (POSIX separators). @public */
export interface SourceFile {
  path: string;
  content: Buffer | string;
}

/** What a reader is asked to read. @public */
export interface SourceReadRequest {
  entity: Entity;
  location: EntitySourceLocation;
  /**
   * Paths or globs from the `alpine-advisor.io/dockerfiles` annotation,
   * relative to the location, already checked to stay inside it. Undefined
   * when the reader should discover Dockerfiles itself.
   */
  patterns?: string[];
  /**
   * The revision the reader returned last time the entity was read
   * successfully. When the source has not changed since, the reader throws
   * `NotModifiedError` (from `@backstage/errors`) without reading files.
   */
  revision?: string;
  /** Aborted when the entity's scan times out. */
  signal: AbortSignal;
}

/** The Dockerfiles (and `.alpine-advisor.yaml` files) of one entity. @public */
export interface SourceSnapshot {
  /** An ETag, commit SHA or content hash to pass back as `revision` next time. */
  revision?: string;
  dockerfiles: SourceFile[];
  /** `.alpine-advisor.yaml` files found in the source, nearest ancestor applies. */
  configFiles: SourceFile[];
  /**
   * The build context of each Dockerfile, by its path: the manifests,
   * lockfiles and `.dockerignore` the analyzer's facts come from
   * (`collectBuildContext` of `@alpine-advisor/repository-layout` collects
   * them from a tree). Readers that cannot read them leave it out; a
   * Dockerfile without one is analysed from its text alone.
   */
  contexts?: Record<string, BuildContextInput>;
}

/**
 * Reads an entity's Dockerfiles from somewhere. The plugin ships readers for
 * `url:` locations (through the backend's UrlReader) and for allowed local
 * directories (`file:`); modules add more through
 * `alpineAdvisorSourceReadersExtensionPoint`, and they are asked first.
 *
 * Failures are thrown: `NotModifiedError` when unchanged, `NotFoundError`
 * when missing, `SourceRefusedError` when policy forbids reading,
 * `SourceRateLimitedError` when the source asks to come back later; any other
 * error is recorded with its message.
 * @public
 */
export interface DockerfileSourceReader {
  /** A short name used in logs and errors, e.g. `url-reader`. */
  readonly id: string;
  canRead(location: EntitySourceLocation): boolean;
  read(request: SourceReadRequest): Promise<SourceSnapshot>;
}
