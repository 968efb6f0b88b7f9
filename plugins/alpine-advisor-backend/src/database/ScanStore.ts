import type { EntityMetadata } from '../catalog/entityMetadata';
import type {
  ScanFailure,
  ScanRefusal,
  ScanState,
  ScanSuccess,
} from '../scanner/types';

/** Outcome of asking to rescan an entity now. */
export type RescanClaim =
  | { claimed: true }
  | { claimed: false; retryAfterMs: number };

/** The scanner's view of the store: what it writes after each attempt. */
export interface ScanStore {
  /**
   * Stores catalog facts of entities: new ones as first seen at `seenAt`,
   * known ones only where their facts changed. Returns the scan states of
   * the known ones, read with their facts (new ones have none yet): the
   * one read a page of a sweep needs.
   */
  upsertEntities(
    entities: EntityMetadata[],
    seenAt: Date,
  ): Promise<Map<string, ScanState>>;

  getScanStates(entityRefs: string[]): Promise<Map<string, ScanState>>;

  /**
   * Replaces each entity's results with its scan's and records its daily
   * score, all in one transaction. Entities no longer stored (removed while
   * being scanned) are skipped.
   */
  recordSuccesses(scans: ScanSuccess[]): Promise<void>;

  /**
   * The repositories did not change: the results stand and are fresh again.
   * `previous`, the states read before these scans, spares the writes they
   * show are not needed (no failure to clear, the day's score recorded).
   */
  recordUnchanged(
    entityRefs: string[],
    scannedAt: Date,
    previous?: ReadonlyMap<string, ScanState>,
  ): Promise<void>;

  /** Keeps each last good result, marked stale, and records why the attempt failed. */
  recordFailures(failures: ScanFailure[]): Promise<void>;

  /** Opted-out entities keep no results. */
  recordDisabled(entityRefs: string[], at: Date): Promise<void>;

  /**
   * Sources refused by policy: the attempt is recorded with its reason, and
   * the entity keeps no results and is neither stale nor failing.
   */
  recordRefusals(refusals: ScanRefusal[]): Promise<void>;

  /**
   * After a complete listing: removes the entities (and all their data) it
   * did not list, except those first stored after it started (by a rescan).
   */
  deleteEntitiesNotListed(
    listed: ReadonlySet<string>,
    listingStartedAt: Date,
  ): Promise<number>;

  /** Deletes scan records and daily scores older than `time`, keeping those behind current results. */
  pruneOlderThan(time: Date): Promise<{ scans: number; historyDays: number }>;

  /**
   * Refreshes the planner statistics of the plugin's tables after bulk
   * writes, so report queries keep good plans as the data grows.
   */
  refreshStatistics(): Promise<void>;

  /**
   * Atomically reserves a rescan of a stored entity unless one was requested
   * less than `minimumIntervalMs` ago; safe across backend replicas.
   */
  claimRescan(
    entityRef: string,
    now: Date,
    minimumIntervalMs: number,
  ): Promise<RescanClaim>;
}
