import Alert from '@material-ui/lab/Alert';
import type { EntityReport } from '../../api/types';
import { RelativeTime } from './RelativeTime';
import { SCAN_STATUS_HINTS, SCAN_STATUS_TITLES } from './scanStatus';

/**
 * Marks a report whose latest scan failed (the score shown is older) and a
 * service with no Alpine stage (only hygiene rules applied).
 */
export function ScanNotices({ report }: { report: EntityReport }) {
  const notAlpine =
    report.dockerfiles.length > 0 &&
    report.dockerfiles.every(file => !file.usesAlpine);
  return (
    <>
      {report.stale && (
        <Alert severity="warning" role="status" style={{ marginBottom: 8 }}>
          Stale: {SCAN_STATUS_TITLES[report.status].toLocaleLowerCase('en-US')}
          {report.lastScannedAt && (
            <>
              {' '}
              (<RelativeTime iso={report.lastScannedAt} />)
            </>
          )}
          {report.error ? `: ${report.error}` : '.'} The score is from the last
          good scan
          {report.lastSuccessAt && (
            <>
              , <RelativeTime iso={report.lastSuccessAt} />
            </>
          )}
          .
        </Alert>
      )}
      {notAlpine && (
        <Alert severity="info" style={{ marginBottom: 8 }}>
          Not Alpine-based: no stage builds on Alpine, so only Dockerfile
          hygiene rules were applied and the score reflects hygiene only.
        </Alert>
      )}
      {report.status !== 'ok' && !report.stale && report.grade !== null && (
        <Alert severity="info" style={{ marginBottom: 8 }}>
          {SCAN_STATUS_TITLES[report.status]}.{' '}
          {SCAN_STATUS_HINTS[report.status]}
        </Alert>
      )}
    </>
  );
}
