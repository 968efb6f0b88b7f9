import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { alpineAdvisorApiRef } from '../../api';
import { BodyCell, HeadCell } from '../common/TableCells';

/**
 * Waivers across the services the user may read: how many are active or
 * awaiting approval, and those expiring soon (the per-service waived counts
 * are in the services table and the exports).
 */
export function OrgWaivers() {
  const api = useApi(alpineAdvisorApiRef);
  const { value, error } = useAsync(async () => {
    const all = await api.listWaivers();
    const soon = await api.listWaivers({
      expiringWithinDays: all.summary.expiringSoonDays,
    });
    return { summary: all.summary, soon: soon.items };
  }, [api]);
  if (error) {
    return (
      <Typography color="error">
        Waivers could not be loaded: {error.message}
      </Typography>
    );
  }
  if (!value) return null;
  const { summary, soon } = value;
  return (
    <>
      <Typography variant="body2" paragraph aria-label="Waiver counts">
        {summary.activeCount} active · {summary.pendingCount} awaiting approval
        · {summary.expiringSoonCount} expiring within {summary.expiringSoonDays}{' '}
        days
      </Typography>
      {soon.length > 0 && (
        <Table size="small" aria-label="Waivers expiring soon">
          <TableHead>
            <TableRow>
              <HeadCell>Service</HeadCell>
              <HeadCell>Rule</HeadCell>
              <HeadCell>Expires</HeadCell>
              <HeadCell>Reason</HeadCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {soon.map(waiver => (
              <TableRow key={waiver.id}>
                <BodyCell>
                  <EntityRefLink entityRef={waiver.entityRef} />
                </BodyCell>
                <BodyCell>
                  <code>{waiver.ruleId}</code>
                </BodyCell>
                <BodyCell nowrap>{waiver.expiresAt.slice(0, 10)}</BodyCell>
                <BodyCell>{waiver.reason}</BodyCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
