import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import type {
  EntitySummary,
  OrgReport,
  ReportQuery,
  ReportSortField,
} from '../../api/types';
import { GradeBadge } from '../common/GradeBadge';
import { RelativeTime } from '../common/RelativeTime';
import { SCAN_STATUS_TITLES } from '../common/scanStatus';
import { plural } from '../common/plural';
import { PAGE_SIZES } from './reportQuery';

const COLUMNS: Array<{
  label: string;
  sort?: ReportSortField;
  numeric?: boolean;
}> = [
  { label: 'Service', sort: 'name' },
  { label: 'Owner', sort: 'owner' },
  { label: 'System', sort: 'system' },
  { label: 'Grade', sort: 'grade' },
  { label: 'Score', sort: 'score', numeric: true },
  { label: 'Findings', sort: 'findings' },
  { label: 'Status' },
  { label: 'Last scanned', sort: 'lastScanned' },
];

function StatusCell({ item }: { item: EntitySummary }) {
  if (item.stale) {
    return (
      <Typography variant="body2" color="error" title={item.error}>
        Stale: {SCAN_STATUS_TITLES[item.status].toLocaleLowerCase('en-US')}
      </Typography>
    );
  }
  if (item.status !== 'ok') {
    return (
      <Typography variant="body2" title={item.error}>
        {SCAN_STATUS_TITLES[item.status]}
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      {item.compliant ? 'Compliant' : 'Below policy'}
    </Typography>
  );
}

export interface ServicesTableProps {
  report: OrgReport;
  query: ReportQuery;
  onChange: (change: Partial<ReportQuery>) => void;
}

/** One page of services, sorted and paged by the backend. */
export function ServicesTable({ report, query, onChange }: ServicesTableProps) {
  const sortBy = (field: ReportSortField) => {
    const ascending = query.sort === field && query.order !== 'desc';
    onChange({ sort: field, order: ascending ? 'desc' : 'asc' });
  };
  return (
    <>
      <Table size="small" aria-label="Services" style={{ minWidth: 900 }}>
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell
                key={column.label}
                align={column.numeric ? 'right' : 'left'}
                sortDirection={
                  query.sort === column.sort ? query.order ?? 'asc' : false
                }
              >
                {column.sort ? (
                  <TableSortLabel
                    active={query.sort === column.sort}
                    direction={
                      query.sort === column.sort ? query.order ?? 'asc' : 'asc'
                    }
                    onClick={() => sortBy(column.sort!)}
                  >
                    {column.label}
                  </TableSortLabel>
                ) : (
                  column.label
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>
                No service matches the filters.
              </TableCell>
            </TableRow>
          )}
          {report.items.map(item => (
            <TableRow key={item.entityRef}>
              <TableCell>
                <EntityRefLink
                  entityRef={item.entityRef}
                  title={item.title ?? item.name}
                />
              </TableCell>
              <TableCell>
                {item.owner ? <EntityRefLink entityRef={item.owner} /> : '—'}
              </TableCell>
              <TableCell>
                {item.system ? <EntityRefLink entityRef={item.system} /> : '—'}
              </TableCell>
              <TableCell>
                {item.grade ? <GradeBadge grade={item.grade} /> : '—'}
              </TableCell>
              <TableCell align="right">{item.score ?? '—'}</TableCell>
              <TableCell>
                {plural(item.findingCounts.error, 'error')} ·{' '}
                {plural(item.findingCounts.warning, 'warning')} ·{' '}
                {item.findingCounts.info} info
                {item.muslErrorCount > 0 && (
                  <Typography variant="caption" color="error" display="block">
                    {item.muslErrorCount} breaking musl
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <StatusCell item={item} />
              </TableCell>
              <TableCell>
                {item.lastScannedAt ? (
                  <RelativeTime iso={item.lastScannedAt} />
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={report.totalCount}
        page={report.page - 1}
        rowsPerPage={report.pageSize}
        rowsPerPageOptions={[...PAGE_SIZES]}
        onPageChange={(_event, page) => onChange({ page: page + 1 })}
        onRowsPerPageChange={event =>
          onChange({ pageSize: Number(event.target.value) })
        }
      />
    </>
  );
}
