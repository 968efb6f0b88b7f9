import {
  AlpineAdvisorEntitySignal,
  alpineAdvisorEntitySignalChannel,
} from '@alpine-advisor/backstage-plugin-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useSignal } from '@backstage/plugin-signals-react';
import { useEffect, useRef } from 'react';
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

/**
 * The current entity's report and score history, loaded together, and
 * loaded again when the backend announces a new stored result on the
 * entity's signals channel (a rescan by anyone, a sweep), so an open tab or
 * card stays current. Without the signals plugin it loads once (and on
 * `reload`).
 */
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
  const { lastSignal } = useSignal<AlpineAdvisorEntitySignal>(
    alpineAdvisorEntitySignalChannel(entityRef),
  );
  const reload = useRef(retry);
  reload.current = retry;
  useEffect(() => {
    if (lastSignal) reload.current();
  }, [lastSignal]);
  return {
    entityRef,
    loading,
    error,
    report: value?.report,
    history: value?.history ?? [],
    reload: retry,
  };
}
