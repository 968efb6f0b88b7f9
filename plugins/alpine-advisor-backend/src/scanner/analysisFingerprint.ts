import type {
  Analyzer,
  AnalyzerConfig,
  KnowledgeOverrides,
} from '@alpine-advisor/analyzer';
import { REPORT_VERSION } from '@alpine-advisor/analyzer';
import { createHash } from 'node:crypto';

/**
 * Identifies what a result was computed with: the analyzer's release, its
 * rules (ids, severities, docs) and the organisation's rule settings
 * (enforced rules included). When it
 * changes, unchanged repositories are analysed again instead of being
 * short-circuited by their ETag.
 */
export function analysisFingerprint(
  analyzer: Analyzer,
  organisationConfig: AnalyzerConfig,
  /** `alpineAdvisor.knowledge` (refreshed release data is not part of it: a refresh re-scores stored files itself). */
  appConfigKnowledge?: KnowledgeOverrides,
  /** `alpineAdvisor.rules.enforce`, resolved. */
  enforcedRules: readonly string[] = [],
): string {
  const hash = createHash('sha256');
  hash.update(`report-version:${REPORT_VERSION}\n`);
  // What the stored findings carry beyond the report: their fingerprints
  // (waivers of one finding name them). Results stored before lack them and
  // are analysed again once.
  hash.update(`stored-finding-fields:fingerprint\n`);
  // Findings are confirmed or refuted by the build context's files (lockfiles,
  // .dockerignore), read with the Dockerfiles: results computed without them
  // are analysed again once.
  hash.update(`build-context:1\n`);
  // Files found by name are analysed only when their text reads as a
  // Dockerfile, and test data and project templates are not searched:
  // results that hold a template's parse errors are analysed again once.
  hash.update(`discovery:text-checked\n`);
  // And what each file's own settings silenced (suppressed counts): results
  // stored before they were counted are analysed again once.
  hash.update(`stored-entity-fields:suppressed\n`);
  hash.update(`analyzer:${analyzerPackageVersion()}\n`);
  for (const rule of analyzer.listRules()) {
    hash.update(
      `${rule.id}:${rule.severity}:${rule.category}:${rule.docs.length}\n`,
    );
  }
  hash.update(JSON.stringify(organisationConfig));
  if (enforcedRules.length > 0) {
    hash.update(`enforce:${enforcedRules.join(',')}\n`);
  }
  if (appConfigKnowledge) {
    hash.update(`knowledge:${JSON.stringify(appConfigKnowledge)}`);
  }
  return hash.digest('hex').slice(0, 32);
}

function analyzerPackageVersion(): string {
  try {
    return require('@alpine-advisor/analyzer/package.json').version;
  } catch {
    return 'unknown';
  }
}
