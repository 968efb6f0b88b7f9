import { UsageError } from '../cli/UsageError';
import { findRule } from './findRule';

/** Maps `--ignore` (or `--enforce`) ids and aliases to rule ids; a name no rule has is a usage error, not a silent no-op. */
export function resolveRuleIds(
  idsOrAliases: readonly string[],
  option = '--ignore',
): string[] {
  return idsOrAliases.map(idOrAlias => {
    const rule = findRule(idOrAlias);
    if (!rule) {
      throw new UsageError(
        `${option}: unknown rule "${idOrAlias}" (alpine-advisor --rules lists them)`,
      );
    }
    return rule.id;
  });
}
