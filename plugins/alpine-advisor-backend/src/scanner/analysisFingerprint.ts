import type { Analyzer, AnalyzerConfig } from '@alpine-advisor/analyzer';
import { REPORT_VERSION } from '@alpine-advisor/analyzer';
import { createHash } from 'node:crypto';

/**
 * Identifies what a result was computed with: the analyzer's release, its
 * rules (ids, severities, docs) and the organisation's rule settings. When it
 * changes, unchanged repositories are analysed again instead of being
 * short-circuited by their ETag.
 */
export function analysisFingerprint(
  analyzer: Analyzer,
  organisationConfig: AnalyzerConfig,
): string {
  const hash = createHash('sha256');
  hash.update(`report-version:${REPORT_VERSION}\n`);
  hash.update(`analyzer:${analyzerPackageVersion()}\n`);
  for (const rule of analyzer.listRules()) {
    hash.update(
      `${rule.id}:${rule.severity}:${rule.category}:${rule.docs.length}\n`,
    );
  }
  hash.update(JSON.stringify(organisationConfig));
  return hash.digest('hex').slice(0, 32);
}

function analyzerPackageVersion(): string {
  try {
    return require('@alpine-advisor/analyzer/package.json').version;
  } catch {
    return 'unknown';
  }
}
