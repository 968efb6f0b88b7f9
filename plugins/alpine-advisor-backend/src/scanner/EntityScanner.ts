import type { Analyzer, AnalyzerConfig } from '@alpine-advisor/analyzer';
import {
  ALPINE_ADVISOR_DISABLED_ANNOTATION,
  ALPINE_ADVISOR_DOCKERFILES_ANNOTATION,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  DockerfileSourceReader,
  EntitySourceLocation,
  SourceSnapshot,
} from '@alpine-advisor/backstage-plugin-node';
import {
  parseDockerfilePatterns,
  RepositoryConfigResolver,
  treeFromFiles,
} from '@alpine-advisor/repository-layout';
import {
  describeNotDockerfiles,
  readAsDockerfiles,
} from '../sources/readAsDockerfiles';
import { Entity, stringifyLocationRef } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import type { FailureStatus, ScanState, ScanTrigger } from './types';
import { entityKey } from '../catalog/entityMetadata';
import { SourceLocationCache } from '../sources/SourceLocationCache';
import { classifyReadError } from './classifyReadError';
import { analyseDockerfiles, analysedOutcome } from './analyseDockerfiles';
import type { ScanOutcome } from './ScanOutcome';
import type { FileAnalysis } from './analysis/FileAnalysis';
import { withTimeout } from './withTimeout';
import {
  AnalysisInputs,
  AnalysisInputSources,
  loadAnalysisInputs,
} from './AnalysisInputs';
import type { ScmIntegrationRegistry } from '@backstage/integration';

export interface EntityScannerOptions extends AnalysisInputSources {
  readers: DockerfileSourceReader[];
  /** Parses repository configs (knowing the ids of added rules). */
  analyzer: Analyzer;
  /** Runs the analysis, on worker threads when it can. */
  analysis: FileAnalysis;
  /** Rule settings from app-config, under each repository's own. */
  organisationConfig: AnalyzerConfig;
  analysisFingerprint: string;
  timeoutMs: number;
  /** Wait after a 429 that did not say how long. */
  rateLimitBackoffMs: number;
  integrations?: ScmIntegrationRegistry;
  now?: () => Date;
}

/**
 * Scans one entity: finds its source, reads its Dockerfiles (or learns they
 * did not change) and analyses them. Never throws: every failure becomes an
 * outcome, which the caller records (in batches, see `recordOutcomes`).
 */
export class EntityScanner {
  private readonly now: () => Date;
  private readonly locations: SourceLocationCache;

  constructor(private readonly options: EntityScannerOptions) {
    this.now = options.now ?? (() => new Date());
    this.locations = new SourceLocationCache(options.integrations);
  }

  /** What analyses of these entities apply; read once per page (see ScanPipeline). */
  loadInputs(entityRefs: string[]): Promise<AnalysisInputs> {
    return loadAnalysisInputs(this.options, entityRefs, this.now());
  }

  /** `inputs`: from `loadInputs` for a page holding the entity; read for it alone when left out. */
  async scan(
    entity: Entity,
    state: ScanState | undefined,
    trigger: ScanTrigger,
    inputs?: AnalysisInputs,
  ): Promise<ScanOutcome> {
    // A stored state is keyed by the entity's ref already.
    const entityRef = state?.entityRef ?? entityKey(entity);
    const startedAt = this.now();
    if (
      entity.metadata.annotations?.[ALPINE_ADVISOR_DISABLED_ANNOTATION] ===
      'true'
    ) {
      return { kind: 'disabled', entityRef, at: startedAt };
    }
    // Someone asking for a rescan gets one; the sweep and push events wait
    // for a rate-limited repository's Retry-After.
    if (
      (trigger === 'schedule' || trigger === 'event') &&
      state?.nextAttemptAt &&
      state.nextAttemptAt > startedAt
    ) {
      return { kind: 'deferred', entityRef, until: state.nextAttemptAt };
    }
    try {
      const read = await this.readSource(
        entity,
        entityRef,
        state,
        trigger,
        startedAt,
      );
      if ('kind' in read) {
        return read;
      }
      return await this.analyseSource(
        read,
        entityRef,
        trigger,
        startedAt,
        inputs,
      );
    } catch (error) {
      // A bug of ours (or of an added reader or rule) costs one entity.
      return this.failure(entityRef, startedAt, trigger, 'error', {
        message: errorMessage(error),
      });
    }
  }

  /**
   * Finds the entity's source and reads it: what was read, or what the scan
   * came to without anything to analyse (unchanged, unreadable, refused…).
   */
  private async readSource(
    entity: Entity,
    entityRef: string,
    state: ScanState | undefined,
    trigger: ScanTrigger,
    startedAt: Date,
  ): Promise<ScanOutcome | SourceRead> {
    const location = this.locations.resolve(entity);
    if (!location) {
      return this.failure(entityRef, startedAt, trigger, 'no-source', {
        message:
          'The entity has no backstage.io/source-location or backstage.io/managed-by-location annotation',
      });
    }
    let patterns: string[] | undefined;
    const annotation =
      entity.metadata.annotations?.[ALPINE_ADVISOR_DOCKERFILES_ANNOTATION];
    if (annotation !== undefined) {
      try {
        patterns = parseDockerfilePatterns(annotation);
      } catch (error) {
        return this.refusal(
          entityRef,
          startedAt,
          trigger,
          errorMessage(error),
          location,
        );
      }
    }
    const reader = this.options.readers.find(candidate =>
      candidate.canRead(location),
    );
    if (!reader) {
      return this.failure(entityRef, startedAt, trigger, 'unreadable', {
        message: `No source reader can read ${location.type} locations (${location.target})`,
        location,
      });
    }

    // A result computed with other rules or settings is not reused.
    const revision =
      state?.hasResult &&
      state.analysisFingerprint === this.options.analysisFingerprint
        ? state.revision
        : undefined;

    try {
      const snapshot = await withTimeout(
        this.options.timeoutMs,
        `Reading ${location.target}`,
        signal => reader.read({ entity, location, patterns, revision, signal }),
      );
      return { location, patterns, snapshot };
    } catch (error) {
      if (
        isError(error) &&
        error.name === 'NotModifiedError' &&
        revision &&
        state
      ) {
        return {
          kind: 'unchanged',
          entityRef,
          scannedAt: startedAt,
          previous: state,
        };
      }
      return this.readFailure(error, entityRef, startedAt, trigger, location);
    }
  }

  /** A read that failed, as the outcome its cause calls for. */
  private readFailure(
    error: unknown,
    entityRef: string,
    startedAt: Date,
    trigger: ScanTrigger,
    location: EntitySourceLocation,
  ): ScanOutcome {
    const classified = classifyReadError(error);
    if (classified.status === 'refused') {
      return this.refusal(
        entityRef,
        startedAt,
        trigger,
        classified.message,
        location,
      );
    }
    return this.failure(entityRef, startedAt, trigger, classified.status, {
      message: classified.message,
      location,
      retryAfterMs:
        classified.status === 'rate-limited'
          ? classified.retryAfterMs ?? this.options.rateLimitBackoffMs
          : undefined,
    });
  }

  /** Analyses what was read, each Dockerfile under its repository's config. */
  private async analyseSource(
    { location, patterns, snapshot }: SourceRead,
    entityRef: string,
    trigger: ScanTrigger,
    startedAt: Date,
    pageInputs: AnalysisInputs | undefined,
  ): Promise<ScanOutcome> {
    const fail = (status: FailureStatus, message: string) =>
      this.failure(entityRef, startedAt, trigger, status, {
        message,
        location,
      });
    const { dockerfiles, notDockerfiles } = patterns
      ? { dockerfiles: snapshot.dockerfiles, notDockerfiles: [] }
      : readAsDockerfiles(snapshot.dockerfiles);
    if (dockerfiles.length === 0) {
      return fail(
        'no-dockerfile',
        patterns
          ? `No file matches the alpine-advisor.io/dockerfiles annotation (${patterns.join(
              ', ',
            )}) in ${location.target}`
          : `No Dockerfile found in ${location.target}${describeNotDockerfiles(
              notDockerfiles,
            )}`,
      );
    }

    // The nearest .alpine-advisor.yaml above each Dockerfile, on top of the
    // organisation's settings: the resolver the CLI runs over a directory.
    const configs = new RepositoryConfigResolver(
      treeFromFiles([...dockerfiles, ...snapshot.configFiles]),
      (text, path) => this.options.analyzer.parseConfig(text, path),
      this.options.organisationConfig,
    );
    const settings: AnalyzerConfig[] = [];
    for (const file of dockerfiles) {
      const resolved = await configs.forDockerfile(file.path);
      if (!resolved.ok) {
        return fail('invalid-config', errorMessage(resolved.error));
      }
      settings.push(resolved.config);
    }
    const { knowledge, waivers } =
      pageInputs ?? (await this.loadInputs([entityRef]));
    const requests = dockerfiles.map((file, index) => ({
      path: file.path,
      content: file.content,
      config: settings[index],
      knowledge,
      waivers: waivers.get(entityRef),
      context: snapshot.contexts?.[file.path],
    }));
    const analysed = await analyseDockerfiles(
      this.options.analysis,
      requests,
      startedAt,
    );
    return analysedOutcome(
      {
        entityRef,
        sourceLocation: stringifyLocationRef(location),
        startedAt,
        durationMs: this.now().getTime() - startedAt.getTime(),
        trigger,
        revision: snapshot.revision,
        analysisFingerprint: this.options.analysisFingerprint,
      },
      analysed,
    );
  }

  /** Refused by policy: a state of its own, not a failure (see ScanRefusal). */
  private refusal(
    entityRef: string,
    startedAt: Date,
    trigger: ScanTrigger,
    reason: string,
    location: EntitySourceLocation,
  ): ScanOutcome {
    return {
      kind: 'refused',
      entityRef,
      refusal: {
        entityRef,
        sourceLocation: stringifyLocationRef(location),
        startedAt,
        durationMs: this.now().getTime() - startedAt.getTime(),
        trigger,
        reason,
      },
    };
  }

  private failure(
    entityRef: string,
    startedAt: Date,
    trigger: ScanTrigger,
    status: FailureStatus,
    details: {
      message: string;
      retryAfterMs?: number;
      location?: EntitySourceLocation;
    },
  ): ScanOutcome {
    return {
      kind: 'failed',
      entityRef,
      failure: {
        entityRef,
        sourceLocation: details.location
          ? stringifyLocationRef(details.location)
          : undefined,
        startedAt,
        durationMs: this.now().getTime() - startedAt.getTime(),
        trigger,
        status,
        error: details.message,
        nextAttemptAt:
          details.retryAfterMs === undefined
            ? undefined
            : new Date(startedAt.getTime() + details.retryAfterMs),
      },
    };
  }
}

/** A source that was read, and where from. */
interface SourceRead {
  location: EntitySourceLocation;
  patterns: string[] | undefined;
  snapshot: SourceSnapshot;
}

function errorMessage(error: unknown): string {
  return isError(error) ? error.message : String(error);
}
