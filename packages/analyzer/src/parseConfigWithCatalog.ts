import { parseConfig as parseConfigFile } from './config';
import type { RuleIdResolver } from './config';
import { getRule } from './catalog';
import type { AnalyzerConfig } from './types';

/**
 * Reads `.alpine-advisor.yaml`, checking rule ids and aliases against the
 * rule catalog (aliases are rewritten to our ids) unless another resolver is
 * given. Throws ConfigError naming the file, the key and the problem.
 * @public
 */
export function parseConfig(
  yamlText: string,
  sourceName: string,
  resolveRuleId: RuleIdResolver = id => getRule(id)?.id,
): AnalyzerConfig {
  return parseConfigFile(yamlText, sourceName, resolveRuleId);
}
