import type { ScanStore } from '../database/ScanStore';
import type { ScanFailure, ScanRefusal, ScanState, ScanSuccess } from './types';
import type { ScanOutcome } from './ScanOutcome';

/**
 * Records outcomes with one transaction per kind: a page of a sweep costs a
 * handful of statements per table, not a transaction per entity.
 */
export async function recordOutcomes(
  store: ScanStore,
  outcomes: ScanOutcome[],
  scannedAt: Date,
): Promise<void> {
  const successes: ScanSuccess[] = [];
  const failures: ScanFailure[] = [];
  const unchanged: string[] = [];
  const previous = new Map<string, ScanState>();
  const disabled: string[] = [];
  const refusals: ScanRefusal[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'analysed') {
      successes.push(outcome.scan);
    } else if (outcome.kind === 'failed') {
      failures.push(outcome.failure);
    } else if (outcome.kind === 'unchanged') {
      unchanged.push(outcome.entityRef);
      previous.set(outcome.entityRef, outcome.previous);
    } else if (outcome.kind === 'disabled') {
      disabled.push(outcome.entityRef);
    } else if (outcome.kind === 'refused') {
      refusals.push(outcome.refusal);
    }
  }
  await store.recordSuccesses(successes);
  await store.recordFailures(failures);
  if (unchanged.length > 0) {
    await store.recordUnchanged(unchanged, scannedAt, previous);
  }
  if (disabled.length > 0) {
    await store.recordDisabled(disabled, scannedAt);
  }
  if (refusals.length > 0) {
    await store.recordRefusals(refusals);
  }
}
