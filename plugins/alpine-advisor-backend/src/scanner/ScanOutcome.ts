import type { ScanFailure, ScanRefusal, ScanState, ScanSuccess } from './types';

/** What one entity's scan came to; the sweep records them, batching the cheap ones. */
export type ScanOutcome =
  | { kind: 'analysed'; entityRef: string; scan: ScanSuccess }
  /** `previous`: the state read before the scan, which tells the store what it must write. */
  | {
      kind: 'unchanged';
      entityRef: string;
      scannedAt: Date;
      previous: ScanState;
    }
  | { kind: 'failed'; entityRef: string; failure: ScanFailure }
  | { kind: 'disabled'; entityRef: string; at: Date }
  /** Not read: the source is refused by policy. */
  | { kind: 'refused'; entityRef: string; refusal: ScanRefusal }
  /** Rate-limited earlier and not due yet: nothing was read. */
  | { kind: 'deferred'; entityRef: string; until: Date };
