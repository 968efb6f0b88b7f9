import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
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
import { BodyCell, HeadCell } from '../common/TableCells';

const COLUMNS: Array<{
  label: string;
  sort?: ReportSortField;
  numeric?: boolean;
  /** Share of the width for columns of words; short values take what they need. */
  width?: string;
}> = [
  { label: 'Service', sort: 'name', width: '18%' },
  { label: 'Owner', sort: 'owner', width: '14%' },
  { label: 'System', sort: 'system', width: '12%' },
  { label: 'Grade', sort: 'grade' },
  { label: 'Score', sort: 'score', numeric: true },
  { label: 'Findings', sort: 'findings', width: '20%' },
  { label: 'Suppressed', width: '12%' },
  { label: 'Status', width: '16%' },
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

/** What CI's latest built image said of the service's musl findings: facts, not guesses. */
function BuiltImageNote({ item }: { item: EntitySummary }) {
  const { confirmedCount, notSeenCount } = item.builtImage!;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      display="block"
      title={`From the built-image report received ${
        item.builtImage!.reportedAt
      }`}
    >
      Built image: {confirmedCount} confirmed · {notSeenCount} not seen
    </Typography>
  );
}

/** How many findings the service silences, and how: its config, comments, waivers. */
export function suppressedText(item: EntitySummary): string | undefined {
  const config = item.suppressions?.config ?? 0;
  const comment = item.suppressions?.comment ?? 0;
  const waived = item.waivedCount ?? 0;
  const total = config + comment + waived;
  if (total === 0) return undefined;
  const how = [
    config > 0 ? `${config} by config` : undefined,
    comment > 0 ? `${comment} by comment` : undefined,
    waived > 0 ? `${waived} waived` : undefined,
  ].filter(Boolean);
  return `${total}: ${how.join(', ')}`;
}

function SuppressedCell({ item }: { item: EntitySummary }) {
  const text = suppressedText(item);
  const attempts = item.suppressions?.enforcedAttempts ?? 0;
  return (
    <>
      <Typography variant="body2">{text ?? '—'}</Typography>
      {attempts > 0 && (
        <Typography
          variant="caption"
          color="error"
          display="block"
          title="Findings of enforced rules that the repository's config or comments tried to silence; they still count"
        >
          {plural(attempts, 'attempt')} on enforced rules
        </Typography>
      )}
    </>
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
      <Table size="small" aria-label="Services" style={{ minWidth: 1000 }}>
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <HeadCell
                key={column.label}
                align={column.numeric ? 'right' : 'left'}
                style={column.width ? { width: column.width } : undefined}
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
              </HeadCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.items.length === 0 && (
            <TableRow>
              <BodyCell colSpan={COLUMNS.length}>
                No service matches the filters.
              </BodyCell>
            </TableRow>
          )}
          {report.items.map(item => (
            <TableRow key={item.entityRef}>
              <BodyCell>
                <EntityRefLink
                  entityRef={item.entityRef}
                  title={item.title ?? item.name}
                />
              </BodyCell>
              <BodyCell>
                {item.owner ? <EntityRefLink entityRef={item.owner} /> : '—'}
              </BodyCell>
              <BodyCell>
                {item.system ? <EntityRefLink entityRef={item.system} /> : '—'}
              </BodyCell>
              <BodyCell nowrap>
                {item.grade ? <GradeBadge grade={item.grade} /> : '—'}
              </BodyCell>
              <BodyCell align="right" nowrap>
                {item.score ?? '—'}
              </BodyCell>
              <BodyCell>
                {plural(item.findingCounts.error, 'error')} ·{' '}
                {plural(item.findingCounts.warning, 'warning')} ·{' '}
                {item.findingCounts.info} info
                {item.muslErrorCount > 0 && (
                  <Typography variant="caption" color="error" display="block">
                    {item.muslErrorCount} breaking musl
                  </Typography>
                )}
                {item.builtImage && <BuiltImageNote item={item} />}
              </BodyCell>
              <BodyCell>
                <SuppressedCell item={item} />
              </BodyCell>
              <BodyCell>
                <StatusCell item={item} />
              </BodyCell>
              <BodyCell nowrap>
                {item.lastScannedAt ? (
                  <RelativeTime iso={item.lastScannedAt} />
                ) : (
                  '—'
                )}
              </BodyCell>
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
