import type { ScanStore } from '../database/ScanStore';
import type { ScanOutcome } from './ScanOutcome';

/**
 * Records the outcomes the scanner leaves to its caller, in one statement
 * per kind: an unchanged sweep of thousands of entities costs a handful of
 * writes, not one per entity.
 */
export async function recordOutcomes(
  store: ScanStore,
  outcomes: ScanOutcome[],
  scannedAt: Date,
): Promise<void> {
  const unchanged = outcomes
    .filter(outcome => outcome.kind === 'unchanged')
    .map(outcome => outcome.entityRef);
  const disabled = outcomes
    .filter(outcome => outcome.kind === 'disabled')
    .map(outcome => outcome.entityRef);
  if (unchanged.length > 0) {
    await store.recordUnchanged(unchanged, scannedAt);
  }
  if (disabled.length > 0) {
    await store.recordDisabled(disabled, scannedAt);
  }
}
