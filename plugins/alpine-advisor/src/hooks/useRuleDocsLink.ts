import { useRouteRef } from '@backstage/core-plugin-api';
import { rulesRouteRef } from '../routes';

/**
 * Links to a rule in the rule catalog page, or undefined when the app has not
 * mounted the plugin's page (the card and tab then show no docs link).
 */
export function useRuleDocsLink(): ((ruleId: string) => string) | undefined {
  let rulesPath: string | undefined;
  try {
    rulesPath = useRouteRef(rulesRouteRef)();
  } catch {
    rulesPath = undefined;
  }
  if (!rulesPath) return undefined;
  return ruleId => `${rulesPath}#${encodeURIComponent(ruleId)}`;
}
