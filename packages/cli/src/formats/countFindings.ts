import type { Finding, Severity } from '@alpine-advisor/analyzer';

export type SeverityCounts = Record<Severity, number> & { total: number };

export function countFindings(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, total: 0 };
  for (const finding of findings) {
    counts[finding.severity] += 1;
    counts.total += 1;
  }
  return counts;
}

export function plural(
  count: number,
  singular: string,
  pluralForm = `${singular}s`,
): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "1 error, 2 warnings, 0 info". */
export function describeCounts(counts: SeverityCounts): string {
  return `${plural(counts.error, 'error')}, ${plural(
    counts.warning,
    'warning',
  )}, ${counts.info} info`;
}
