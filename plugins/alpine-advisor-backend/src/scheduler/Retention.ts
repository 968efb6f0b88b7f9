import type { ScanStore } from '../database/ScanStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * History retention: scan records and daily scores older than the retention
 * period are deleted (those behind current results are kept). Run after each
 * sweep, as part of the sweep's scheduled task.
 */
export class Retention {
  constructor(
    private readonly store: Pick<ScanStore, 'pruneOlderThan'>,
    private readonly retentionDays: number,
  ) {}

  async prune(now: Date): Promise<{ scans: number; historyDays: number }> {
    return this.store.pruneOlderThan(
      new Date(now.getTime() - this.retentionDays * DAY_MS),
    );
  }
}
