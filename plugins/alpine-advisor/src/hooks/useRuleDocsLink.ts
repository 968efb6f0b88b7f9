import { rulesRouteRef } from '../routes';
import { useOptionalRouteRef } from './useOptionalRouteRef';

/**
 * Links to a rule in the rule catalog page, or undefined when the app has not
 * mounted the plugin's page (findings then show no docs link).
 */
export function useRuleDocsLink(): ((ruleId: string) => string) | undefined {
  const rulesLink = useOptionalRouteRef(rulesRouteRef);
  if (!rulesLink) return undefined;
  const rulesPath = rulesLink();
  return ruleId => `${rulesPath}#${encodeURIComponent(ruleId)}`;
}
