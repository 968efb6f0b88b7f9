import type { AnalyzerConfig } from '@alpine-advisor/analyzer';

/**
 * Adds the `--ignore` rules to a file's effective config. The command line
 * wins over the config file, so a rule it ignores also loses any severity the
 * file gave it.
 */
export function withCliIgnores(
  config: AnalyzerConfig,
  ruleIds: readonly string[],
): AnalyzerConfig {
  if (ruleIds.length === 0) return config;
  const ignore = [...new Set([...(config.ignore ?? []), ...ruleIds])].sort();
  const result: AnalyzerConfig = { ...config, ignore };
  if (config.severity) {
    result.severity = Object.fromEntries(
      Object.entries(config.severity).filter(([id]) => !ignore.includes(id)),
    );
  }
  return result;
}
