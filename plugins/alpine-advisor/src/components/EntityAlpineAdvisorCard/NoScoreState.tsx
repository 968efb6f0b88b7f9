import { EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { EntityReport } from '../../api/types';
import { RelativeTime } from '../common/RelativeTime';
import {
  SCAN_STATUS_HINTS,
  SCAN_STATUS_TITLES,
  isFailure,
} from '../common/scanStatus';

export interface NoScoreStateProps {
  /** Undefined when the backend has no record of the entity at all. */
  report?: EntityReport;
  action?: JSX.Element;
}

/**
 * The states without a score, each with its own title and advice: never
 * scanned, opted out, refused by policy, no source location, no Dockerfile,
 * scan error.
 */
export function NoScoreState({ report, action }: NoScoreStateProps) {
  if (!report) {
    return (
      <EmptyState
        missing="data"
        title="Not scanned yet"
        description={SCAN_STATUS_HINTS.pending}
        action={action}
      />
    );
  }
  const description = (
    <>
      {report.error &&
        (isFailure(report.status) || report.status === 'refused') && (
          <Typography variant="body2" component="span" display="block">
            {report.status === 'refused' ? 'Refused' : 'Error'}: {report.error}
          </Typography>
        )}
      <Typography variant="body2" component="span" display="block">
        {SCAN_STATUS_HINTS[report.status]}
      </Typography>
      {report.lastScannedAt && (
        <Typography variant="caption" component="span" display="block">
          Last attempt <RelativeTime iso={report.lastScannedAt} />
        </Typography>
      )}
    </>
  );
  return (
    <EmptyState
      missing={report.status === 'no-source' ? 'field' : 'info'}
      title={SCAN_STATUS_TITLES[report.status]}
      description={description}
      action={action}
    />
  );
}
