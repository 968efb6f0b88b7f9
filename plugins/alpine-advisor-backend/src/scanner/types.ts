/*
 * The scanner's domain: what a scan needs to know and what it comes to. The
 * scan store records these (it takes them as they are); other rooms read
 * results through the report service.
 */
import type {
  DockerfileResult,
  EntityReport,
  ScanStatus,
} from '@alpine-advisor/backstage-plugin-common';

/** What the scanner needs to know before reading an entity again. */
export interface ScanState {
  entityRef: string;
  status: ScanStatus;
  /** ETag/commit of the last good read, to pass back to the reader. */
  revision?: string;
  analysisFingerprint?: string;
  /** Whether a good result exists (a failure then makes it stale). */
  hasResult: boolean;
  /** Rate-limited entities are not read before this time. */
  nextAttemptAt?: Date;
  /** When the last attempt, whatever it came to, was recorded. */
  lastScannedAt?: Date;
  /**
   * Whether an attempt left marks a good read clears: a status other than
   * ok, an error, a stale result or a retry time.
   */
  marked: boolean;
}

/**
 * `knowledge`: stored files analysed again after a knowledge refresh changed
 * a verdict; `event`: a push changed the entity's Dockerfiles or config.
 */
export type ScanTrigger =
  | 'schedule'
  | 'rescan'
  | 'knowledge'
  | 'waiver'
  | 'event';

/**
 * A Dockerfile's analysis as stored, in the API's words (the scanner maps
 * the analyzer's results to them): the store keeps what it is given.
 */
export interface AnalysedDockerfile
  extends Pick<
    DockerfileResult,
    | 'path'
    | 'score'
    | 'grade'
    | 'usesAlpine'
    | 'stages'
    | 'explanation'
    | 'findings'
    | 'knowledgeVersion'
  > {
  /** The analysed text, shown with the findings. */
  content?: string;
  /** The settings it was analysed with (JSON), kept so that a knowledge refresh can analyse it again. */
  analysisConfig?: unknown;
  /** The build context it was analysed with (`storableContext`), kept for the same reason. */
  analysisContext?: unknown;
  /** Findings its repository's own config and comments silenced (counted per service). */
  suppressed?: { config: number; comment: number };
}

/** A scan that read and analysed the entity's Dockerfiles. */
export interface ScanSuccess {
  entityRef: string;
  sourceLocation: string;
  startedAt: Date;
  durationMs: number;
  trigger: ScanTrigger;
  revision?: string;
  analysisFingerprint: string;
  files: AnalysedDockerfile[];
  service: {
    score: number;
    grade: NonNullable<EntityReport['grade']>;
    explanation: NonNullable<EntityReport['explanation']>;
  };
}

/**
 * Statuses that mean the latest attempt failed to produce a result. A source
 * refused by policy is not among them: that is a decision, not a failure
 * (see `ScanRefusal`).
 */
export type FailureStatus = Exclude<
  ScanStatus,
  'ok' | 'pending' | 'disabled' | 'refused'
>;

/** A scan attempt that failed; the last good result is kept and marked stale. */
export interface ScanFailure {
  entityRef: string;
  sourceLocation?: string;
  startedAt: Date;
  durationMs: number;
  trigger: ScanTrigger;
  status: FailureStatus;
  error: string;
  nextAttemptAt?: Date;
}

/**
 * A source the scanner may not read by policy: a local directory outside
 * `alpineAdvisor.localSources.allowedDirectories`, or an
 * `alpine-advisor.io/dockerfiles` path leaving the source. Like an opt-out it
 * is a state of its own, not a failed scan: it keeps no results (nothing read
 * from a refused source is shown), is not stale and is not counted as
 * failing; `reason` says which rule refused it.
 */
export interface ScanRefusal {
  entityRef: string;
  sourceLocation?: string;
  startedAt: Date;
  durationMs: number;
  trigger: ScanTrigger;
  reason: string;
}
