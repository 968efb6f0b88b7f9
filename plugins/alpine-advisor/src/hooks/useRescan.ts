import { useApi } from '@backstage/core-plugin-api';
import { alpineAdvisorScanTriggerPermission } from '@alpine-advisor/backstage-plugin-common';
import { ResponseError } from '@backstage/errors';
import { usePermission } from '@backstage/plugin-permission-react';
import { useState } from 'react';
import { alpineAdvisorApiRef } from '../api';

export interface RescanState {
  /** False while the permission is being checked or when it is denied. */
  allowed: boolean;
  running: boolean;
  /** What the last rescan did, in words, for a live region. */
  message?: string;
  failed: boolean;
  rescan: () => Promise<void>;
}

/** The server's own reason (e.g. "rescanned too recently, retry in 20 s") over the generic status line. */
function rescanErrorText(error: Error): string {
  if (error instanceof ResponseError) {
    const reason = error.body?.error?.message;
    return reason ? `${reason} (HTTP ${error.response.status})` : error.message;
  }
  return error.message;
}

/** Rescans one entity on demand, for users the permission policy allows. */
export function useRescan(entityRef: string, onDone: () => void): RescanState {
  const api = useApi(alpineAdvisorApiRef);
  const { allowed } = usePermission({
    permission: alpineAdvisorScanTriggerPermission,
    resourceRef: entityRef,
  });
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<string>();
  const [failed, setFailed] = useState(false);

  const rescan = async () => {
    setRunning(true);
    setMessage(undefined);
    setFailed(false);
    try {
      const result = await api.rescanEntity(entityRef);
      if (result.status !== 'ok') {
        setFailed(true);
        setMessage(
          `Rescan finished with status ${result.status}${
            result.error ? `: ${result.error}` : ''
          }`,
        );
      } else {
        setMessage(
          result.changed
            ? 'Rescanned: the report is up to date.'
            : 'Rescanned: the repository has not changed since the last scan.',
        );
      }
      onDone();
    } catch (error) {
      setFailed(true);
      setMessage(`Rescan failed: ${rescanErrorText(error as Error)}`);
    } finally {
      setRunning(false);
    }
  };

  return { allowed, running, message, failed, rescan };
}
