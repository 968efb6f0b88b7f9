import type { AnalyzerConfig, Severity } from '../types';
import { globMatches } from './pathGlobs';
import { foldDecisions } from './ruleDecisions';

/**
 * The config that applies to one file: the top-level settings, then every
 * override whose globs match `relativePath` (relative to the config file's
 * directory), in file order, so a later override wins for the rules it names,
 * and naming a rule with a severity re-enables a rule ignored above. The
 * result has no `overrides` left and lists each rule once, in `ignore` when it
 * ends up off, in `severity` otherwise, both sorted by rule id.
 * @public
 */
export function effectiveConfig(
  config: AnalyzerConfig,
  relativePath: string,
): AnalyzerConfig {
  const matching = (config.overrides ?? []).filter(override =>
    override.files.some(glob => globMatches(glob, relativePath)),
  );
  const decisions = foldDecisions([config, ...matching]);
  const ignore: string[] = [];
  const severity: Array<[string, Severity]> = [];
  for (const [id, decision] of decisions) {
    if (decision === 'off') ignore.push(id);
    else severity.push([id, decision]);
  }
  const effective: AnalyzerConfig = {};
  // Sorted, so equal configs print and compare equal.
  if (ignore.length > 0) effective.ignore = ignore.sort();
  if (severity.length > 0) {
    effective.severity = Object.fromEntries(
      severity.sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  if (config.failOn) effective.failOn = config.failOn;
  if (config.knowledge) effective.knowledge = config.knowledge;
  return effective;
}
