import { useApi } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { alpineAdvisorApiRef } from '../api';
import type { RuleDescription } from '../api/types';

export interface RulesState {
  loading: boolean;
  error?: Error;
  rules: RuleDescription[];
  ruleById: (id: string) => RuleDescription | undefined;
}

/** The rule catalog, for titles, rationale and docs next to findings. */
export function useRules(): RulesState {
  const api = useApi(alpineAdvisorApiRef);
  const { value, loading, error } = useAsync(() => api.listRules(), [api]);
  const byId = useMemo(
    () => new Map((value ?? []).map(rule => [rule.id, rule])),
    [value],
  );
  return {
    loading,
    error,
    rules: value ?? [],
    ruleById: id => byId.get(id),
  };
}
