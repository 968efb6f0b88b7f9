import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { alpineAdvisorApiRef } from '../api';
import type { EntityReport, ScoreHistoryPoint } from '../api/types';

export interface EntityReportState {
  entityRef: string;
  loading: boolean;
  error?: Error;
  /** Undefined when the entity has never been scanned (or is not visible). */
  report?: EntityReport;
  history: ScoreHistoryPoint[];
  reload: () => void;
}

/** The current entity's report and score history, loaded together. */
export function useEntityReport(historyDays = 90): EntityReportState {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(alpineAdvisorApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const report = await api.getEntityReport(entityRef);
    if (!report) return { report: undefined, history: [] };
    const history = await api.getEntityHistory(entityRef, {
      days: historyDays,
    });
    return { report, history: history.points };
  }, [api, entityRef, historyDays]);
  return {
    entityRef,
    loading,
    error,
    report: value?.report,
    history: value?.history ?? [],
    reload: retry,
  };
}
