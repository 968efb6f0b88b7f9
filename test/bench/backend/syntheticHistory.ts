/*
 * The synthetic organisation the history benches (bench:org-trend,
 * bench:campaigns) seed: services svc-N owned by 40 teams, grades and
 * days counted from 2026-01-01, rows inserted in batches.
 */
export const GRADES = ['A', 'B', 'C', 'D', 'F'];
export const TEAMS = 40;
export const INSERT_BATCH = 500;

export const ref = (index: number) => `component:default/svc-${index}`;
export const owner = (index: number) => `group:default/team-${index % TEAMS}`;

/** The day `offset` days after 2026-01-01, as `YYYY-MM-DD`. */
export function dayOf(offset: number): string {
  const day = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000);
  return day.toISOString().slice(0, 10);
}
