import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { OrgReport, ReportQuery, RollupDimension } from '../../api/types';
import { gradeSentence } from './GradeDistributionChart';
import { BodyCell, HeadCell } from '../common/TableCells';

const DIMENSION_TITLES: Record<RollupDimension, string> = {
  owner: 'Team',
  system: 'System',
  domain: 'Domain',
};

export interface RollupTableProps {
  rollups: NonNullable<OrgReport['rollups']>;
  onGroupByChange: (groupBy: RollupDimension) => void;
  /** Narrows the report to one group's services. */
  onDrillDown: (change: Partial<ReportQuery>) => void;
}

/** Scores rolled up by team, system or domain, each group one click from its services. */
export function RollupTable({
  rollups,
  onGroupByChange,
  onDrillDown,
}: RollupTableProps) {
  const title = DIMENSION_TITLES[rollups.groupBy];
  return (
    <>
      <Box mb={1}>
        <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
          <InputLabel id="rollup-group-by">Group by</InputLabel>
          <Select
            labelId="rollup-group-by"
            label="Group by"
            value={rollups.groupBy}
            onChange={event =>
              onGroupByChange(event.target.value as RollupDimension)
            }
          >
            <MenuItem value="owner">Team</MenuItem>
            <MenuItem value="system">System</MenuItem>
            <MenuItem value="domain">Domain</MenuItem>
          </Select>
        </FormControl>
      </Box>
      <Table
        size="small"
        aria-label={`Rollup by ${title.toLocaleLowerCase('en-US')}`}
      >
        <TableHead>
          <TableRow>
            <HeadCell>{title}</HeadCell>
            <HeadCell align="right">Services</HeadCell>
            <HeadCell align="right">Average score</HeadCell>
            <HeadCell>Grades</HeadCell>
            <HeadCell align="right">Compliant</HeadCell>
            <HeadCell align="right">Stale</HeadCell>
            <HeadCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rollups.groups.map(group => (
            <TableRow key={group.key ?? 'none'}>
              <BodyCell>
                {group.key ? (
                  <EntityRefLink entityRef={group.key} />
                ) : (
                  `No ${title.toLocaleLowerCase('en-US')}`
                )}
              </BodyCell>
              <BodyCell align="right">{group.entityCount}</BodyCell>
              <BodyCell align="right">
                {group.averageScore === null
                  ? '—'
                  : Math.round(group.averageScore)}
              </BodyCell>
              <BodyCell>{gradeSentence(group.gradeCounts)}</BodyCell>
              <BodyCell align="right">
                {group.compliantCount} of {group.scoredCount}
              </BodyCell>
              <BodyCell align="right">{group.staleCount}</BodyCell>
              <BodyCell>
                {group.key && (
                  <Button
                    size="small"
                    onClick={() =>
                      onDrillDown({ [rollups.groupBy]: [group.key!] })
                    }
                    aria-label={`Show the services of ${group.key}`}
                  >
                    Show services
                  </Button>
                )}
              </BodyCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
