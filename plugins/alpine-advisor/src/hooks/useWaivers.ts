import {
  alpineAdvisorWaiverApprovePermission,
  alpineAdvisorWaiverCreatePermission,
} from '@alpine-advisor/backstage-plugin-common';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { alpineAdvisorApiRef } from '../api';
import type { WaiverList } from '../api/types';

export interface WaiversState {
  loading: boolean;
  error?: Error;
  list?: WaiverList;
  reload: () => void;
  /** May record (and revoke) waivers of this entity. */
  canCreate: boolean;
  /** May approve waivers of this entity. */
  canApprove: boolean;
}

/** An entity's waivers and what the signed-in user may do with them. */
export function useWaivers(entityRef: string): WaiversState {
  const api = useApi(alpineAdvisorApiRef);
  const create = usePermission({
    permission: alpineAdvisorWaiverCreatePermission,
    resourceRef: entityRef,
  });
  const approve = usePermission({
    permission: alpineAdvisorWaiverApprovePermission,
    resourceRef: entityRef,
  });
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listEntityWaivers(entityRef),
    [api, entityRef],
  );
  return {
    loading,
    error,
    list: value,
    reload: retry,
    canCreate: create.allowed,
    canApprove: approve.allowed,
  };
}
