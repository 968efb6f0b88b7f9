import type { SweepEvent } from '../backend/messages';

/** A scan row as stored: which entity, when it started, what started it. */
export interface ScanRow {
  entity_ref: string;
  started_at: Date;
  trigger: string;
}

/** Clock slack between a sweep's logged start and its first scan row. */
const SLACK_MS = 5;

/**
 * Scheduled scans per entity in each finished sweep (sweeps in start order),
 * plus those that fall in no finished sweep (a sweep cut short).
 */
export function scansPerSweep(sweeps: SweepEvent[], scans: ScanRow[]) {
  const ordered = [...sweeps].sort((a, b) => a.startedAt - b.startedAt);
  const perSweep = ordered.map(() => new Map<string, number>());
  const outside: ScanRow[] = [];
  for (const scan of scans.filter(row => row.trigger === 'schedule')) {
    const time = new Date(scan.started_at).getTime();
    const index = ordered.findIndex(
      sweep =>
        time >= sweep.startedAt - SLACK_MS && time <= sweep.endedAt + SLACK_MS,
    );
    if (index === -1) {
      outside.push(scan);
    } else {
      const counts = perSweep[index];
      counts.set(scan.entity_ref, (counts.get(scan.entity_ref) ?? 0) + 1);
    }
  }
  return { ordered, perSweep, outside };
}

/** Pairs of finished sweeps that ran at the same time (there must be none). */
export function overlappingSweeps(sweeps: SweepEvent[]) {
  const ordered = [...sweeps].sort((a, b) => a.startedAt - b.startedAt);
  return ordered.flatMap((sweep, index) =>
    index > 0 && sweep.startedAt < ordered[index - 1].endedAt
      ? [[ordered[index - 1], sweep]]
      : [],
  );
}
