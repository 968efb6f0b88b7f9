import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { alpineAdvisorApiRef } from '../../api';
import type { ReportQuery } from '../../api/types';
import { readReportQuery, writeReportQuery } from './reportQuery';

/** The report for the view in the URL, and a way to change the view. */
export function useReportView() {
  const api = useApi(alpineAdvisorApiRef);
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const query = useMemo(() => readReportQuery(new URLSearchParams(key)), [key]);
  const state = useAsyncRetry(() => api.getReport(query), [api, query]);

  /** Changes the view; any change other than paging starts again at page 1. */
  const update = useCallback(
    (change: Partial<ReportQuery>) => {
      const next = { ...query, ...change };
      if (!('page' in change)) next.page = 1;
      setParams(writeReportQuery(next));
    },
    [query, setParams],
  );

  return { query, update, ...state };
}
