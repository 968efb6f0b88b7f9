import type { LoggerService } from '@backstage/backend-plugin-api';
import type { RescanClaim, ScanStore } from '../database/ScanStore';
import type { EntityMetadata } from '../catalog/entityMetadata';
import type { ScanFailure, ScanRefusal, ScanState, ScanSuccess } from './types';

/** Results that were just stored. */
export interface StoredResults {
  /** New analyses (sweep, rescan, knowledge refresh or waiver change). */
  successes: ScanSuccess[];
  /** Every entity whose stored result or status changed: the successes' and the failed, refused and opted-out ones. */
  entityRefs: string[];
}

/** Told after results are stored, whichever path stored them. */
export interface StoredResultsListener {
  /** Runs after the write committed; a failure is logged and never fails the write. */
  resultsStored(results: StoredResults): Promise<void>;
}

/**
 * A scan store that tells listeners (notifications, signals) what was
 * stored, once the write succeeded. It wraps the store every scan path
 * writes through (the scan pipeline shared by the sweep and rescans, the
 * knowledge rescorer, the waiver applier), so each stored result is seen
 * once; the listeners run after the write, awaited, so that a sweep does
 * not outrun them.
 */
export class ObservedScanStore implements ScanStore {
  constructor(
    private readonly store: ScanStore,
    private readonly listeners: StoredResultsListener[],
    private readonly logger: LoggerService,
  ) {}

  upsertEntities(
    entities: EntityMetadata[],
    seenAt: Date,
  ): Promise<Map<string, ScanState>> {
    return this.store.upsertEntities(entities, seenAt);
  }

  getScanStates(entityRefs: string[]): Promise<Map<string, ScanState>> {
    return this.store.getScanStates(entityRefs);
  }

  async recordSuccesses(scans: ScanSuccess[]): Promise<void> {
    await this.store.recordSuccesses(scans);
    await this.tell(
      scans,
      scans.map(scan => scan.entityRef),
    );
  }

  recordUnchanged(
    entityRefs: string[],
    scannedAt: Date,
    previous?: ReadonlyMap<string, ScanState>,
  ): Promise<void> {
    return this.store.recordUnchanged(entityRefs, scannedAt, previous);
  }

  async recordFailures(failures: ScanFailure[]): Promise<void> {
    await this.store.recordFailures(failures);
    await this.tell(
      [],
      failures.map(failure => failure.entityRef),
    );
  }

  async recordDisabled(entityRefs: string[], at: Date): Promise<void> {
    await this.store.recordDisabled(entityRefs, at);
    await this.tell([], entityRefs);
  }

  async recordRefusals(refusals: ScanRefusal[]): Promise<void> {
    await this.store.recordRefusals(refusals);
    await this.tell(
      [],
      refusals.map(refusal => refusal.entityRef),
    );
  }

  deleteEntitiesNotListed(
    listed: ReadonlySet<string>,
    listingStartedAt: Date,
  ): Promise<number> {
    return this.store.deleteEntitiesNotListed(listed, listingStartedAt);
  }

  pruneOlderThan(time: Date): Promise<{ scans: number; historyDays: number }> {
    return this.store.pruneOlderThan(time);
  }

  refreshStatistics(): Promise<void> {
    return this.store.refreshStatistics();
  }

  claimRescan(
    entityRef: string,
    now: Date,
    minimumIntervalMs: number,
  ): Promise<RescanClaim> {
    return this.store.claimRescan(entityRef, now, minimumIntervalMs);
  }

  private async tell(
    successes: ScanSuccess[],
    entityRefs: string[],
  ): Promise<void> {
    if (entityRefs.length === 0) {
      return;
    }
    for (const listener of this.listeners) {
      try {
        await listener.resultsStored({ successes, entityRefs });
      } catch (error) {
        this.logger.warn(
          `Alpine Advisor stored ${entityRefs.length} results but could not tell ${listener.constructor.name} about them: ${error}`,
        );
      }
    }
  }
}
