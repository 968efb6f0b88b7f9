import type { Finding } from '@alpine-advisor/analyzer';

/** Findings in reading order: by line, then column. */
export function sortByPosition(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
}
