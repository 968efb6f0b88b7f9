import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { alpineAdvisorApiRef } from '../api';
import type { KnowledgeStatus } from '../api/types';

/** The backend's knowledge and where its release data comes from; undefined while loading or when unavailable. */
export function useKnowledge(): KnowledgeStatus | undefined {
  const api = useApi(alpineAdvisorApiRef);
  const { value } = useAsync(() => api.getKnowledge(), [api]);
  return value;
}
