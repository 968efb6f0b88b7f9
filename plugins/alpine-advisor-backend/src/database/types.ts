import type {
  FileReport,
  Grade,
  ScoreExplanation,
} from '@alpine-advisor/analyzer';
import type { ScanStatus } from '@alpine-advisor/backstage-plugin-common';

/** Catalog facts about an entity, stored with its results for filtering. */
export interface EntityMetadata {
  /** Lower-case entity ref, the store's key. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  type?: string;
}

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
}

export type ScanTrigger = 'schedule' | 'rescan';

/** A Dockerfile's analysis with the text it was computed from. */
export interface AnalysedDockerfile extends FileReport {
  /** The analysed text, shown with the findings and used for fix diffs. */
  content?: string;
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
  service: { score: number; grade: Grade; explanation: ScoreExplanation };
}

/** Statuses that mean the latest attempt did not produce a result. */
export type FailureStatus = Exclude<ScanStatus, 'ok' | 'pending' | 'disabled'>;

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
