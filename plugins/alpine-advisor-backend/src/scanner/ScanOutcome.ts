import type { ScanFailure, ScanSuccess } from '../database/types';

/** What one entity's scan came to; the sweep records them, batching the cheap ones. */
export type ScanOutcome =
  | { kind: 'analysed'; entityRef: string; scan: ScanSuccess }
  | { kind: 'unchanged'; entityRef: string; scannedAt: Date }
  | { kind: 'failed'; entityRef: string; failure: ScanFailure }
  | { kind: 'disabled'; entityRef: string; at: Date }
  /** Rate-limited earlier and not due yet: nothing was read. */
  | { kind: 'deferred'; entityRef: string; until: Date };
