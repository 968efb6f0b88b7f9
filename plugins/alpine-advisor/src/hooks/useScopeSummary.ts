import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { alpineAdvisorApiRef } from '../api';
import type { ScopeSummary } from '../api/types';

export interface ScopeSummaryState {
  loading: boolean;
  error?: Error;
  /** Undefined when the backend does not know the scope (or it is not visible). */
  summary?: ScopeSummary;
  reload: () => void;
}

/** The current Group, System or Domain entity's summary, with `days` of trend. */
export function useScopeSummary(days = 90): ScopeSummaryState {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(alpineAdvisorApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getScopeSummary(entityRef, { days }),
    [api, entityRef, days],
  );
  return { loading, error, summary: value, reload: retry };
}
