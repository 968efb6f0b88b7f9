import { UsageError } from '../cli/UsageError';
import { findRule } from './findRule';

/** Maps `--ignore` ids and aliases to rule ids; a name no rule has is a usage error, not a silent no-op. */
export function resolveRuleIds(idsOrAliases: readonly string[]): string[] {
  return idsOrAliases.map(idOrAlias => {
    const rule = findRule(idOrAlias);
    if (!rule) {
      throw new UsageError(
        `--ignore: unknown rule "${idOrAlias}" (alpine-advisor --rules lists them)`,
      );
    }
    return rule.id;
  });
}
