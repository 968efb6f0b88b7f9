import type { TransientRetry } from './TransientRetry';
import type { RescanClaim, ScanStore } from './ScanStore';
import type { EntityMetadata } from '../catalog/entityMetadata';
import type {
  ScanFailure,
  ScanRefusal,
  ScanState,
  ScanSuccess,
} from '../scanner/types';

/**
 * The sweep's store: a call that fails because the database is unreachable
 * (restart, fail-over, network) is tried again with growing waits, so that a
 * short outage loses no results and the sweep ends only once the database
 * is back (the scheduler can then release the sweep's lease). Every write is
 * one transaction, so a failed attempt left nothing behind. Errors the
 * database will always give (a refused statement) are not retried (see
 * TransientRetry).
 *
 * Rescan claims are not retried: an API caller should not wait a minute.
 */
export class RetryingScanStore implements ScanStore {
  constructor(
    private readonly store: ScanStore,
    private readonly retry: TransientRetry,
  ) {}

  upsertEntities(
    entities: EntityMetadata[],
    seenAt: Date,
  ): Promise<Map<string, ScanState>> {
    return this.withRetry(`store ${entities.length} catalog entities`, () =>
      this.store.upsertEntities(entities, seenAt),
    );
  }

  getScanStates(entityRefs: string[]): Promise<Map<string, ScanState>> {
    return this.withRetry(`read ${entityRefs.length} scan states`, () =>
      this.store.getScanStates(entityRefs),
    );
  }

  recordSuccesses(scans: ScanSuccess[]): Promise<void> {
    return this.withRetry(`store ${scans.length} scan results`, () =>
      this.store.recordSuccesses(scans),
    );
  }

  recordUnchanged(
    entityRefs: string[],
    scannedAt: Date,
    previous?: ReadonlyMap<string, ScanState>,
  ): Promise<void> {
    return this.withRetry(
      `mark ${entityRefs.length} unchanged entities scanned`,
      () => this.store.recordUnchanged(entityRefs, scannedAt, previous),
    );
  }

  recordFailures(failures: ScanFailure[]): Promise<void> {
    return this.withRetry(`store ${failures.length} failed scans`, () =>
      this.store.recordFailures(failures),
    );
  }

  recordDisabled(entityRefs: string[], at: Date): Promise<void> {
    return this.withRetry(`mark ${entityRefs.length} entities opted out`, () =>
      this.store.recordDisabled(entityRefs, at),
    );
  }

  recordRefusals(refusals: ScanRefusal[]): Promise<void> {
    return this.withRetry(
      `mark ${refusals.length} sources refused by policy`,
      () => this.store.recordRefusals(refusals),
    );
  }

  deleteEntitiesNotListed(
    listed: ReadonlySet<string>,
    listingStartedAt: Date,
  ): Promise<number> {
    return this.withRetry('delete entities that left the catalog', () =>
      this.store.deleteEntitiesNotListed(listed, listingStartedAt),
    );
  }

  pruneOlderThan(time: Date): Promise<{ scans: number; historyDays: number }> {
    return this.withRetry('prune old scans and history', () =>
      this.store.pruneOlderThan(time),
    );
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

  private withRetry<T>(description: string, work: () => Promise<T>) {
    return this.retry.run(description, work);
  }
}
