import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { useRescan } from '../../hooks/useRescan';

export interface RescanButtonProps {
  entityRef: string;
  onDone: () => void;
}

/**
 * Rescans the entity now. Hidden for users the permission policy does not
 * allow; the outcome is announced in a live region.
 */
export function RescanButton({ entityRef, onDone }: RescanButtonProps) {
  const { allowed, running, message, failed, rescan } = useRescan(
    entityRef,
    onDone,
  );
  if (!allowed) return null;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
      <Button
        size="small"
        variant="outlined"
        startIcon={<RefreshIcon />}
        onClick={rescan}
        disabled={running}
      >
        {running ? 'Rescanning…' : 'Rescan'}
      </Button>
      <Typography
        variant="caption"
        role="status"
        color={failed ? 'error' : 'textSecondary'}
      >
        {message ?? ''}
      </Typography>
    </Box>
  );
}
