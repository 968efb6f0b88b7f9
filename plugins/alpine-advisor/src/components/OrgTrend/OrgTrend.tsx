import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { alpineAdvisorApiRef } from '../../api';
import type { OrgHistoryPoint, ReportFilter } from '../../api/types';
import { GRADES } from '../common/grades';
import { trendSummary } from './trendSummary';
import { BodyCell, HeadCell } from '../common/TableCells';

/** How far back the trend looks. */
export const ORG_TREND_DAYS = 90;

const useStyles = makeStyles(theme => ({
  figures: {
    marginTop: theme.spacing(1),
    '& summary': {
      cursor: 'pointer',
      color: theme.palette.primary.main,
    },
  },
}));

function TrendTable({ points }: { points: OrgHistoryPoint[] }) {
  return (
    <Table size="small">
      <caption>Services scanned per day, with their scores and grades</caption>
      <TableHead>
        <TableRow>
          <HeadCell>Day</HeadCell>
          <HeadCell align="right">Services</HeadCell>
          <HeadCell align="right">Average score</HeadCell>
          <HeadCell align="right">Compliant</HeadCell>
          {GRADES.map(grade => (
            <HeadCell key={grade} align="right">
              Grade {grade}
            </HeadCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {[...points].reverse().map(point => (
          <TableRow key={point.day}>
            <BodyCell component="th" scope="row">
              {point.day}
            </BodyCell>
            <BodyCell align="right">{point.scannedCount}</BodyCell>
            <BodyCell align="right">{point.averageScore}</BodyCell>
            <BodyCell align="right">
              {point.compliantCount} ({Math.round(point.compliantShare * 100)}
              %)
            </BodyCell>
            {GRADES.map(grade => (
              <BodyCell key={grade} align="right">
                {point.gradeCounts[grade]}
              </BodyCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The org over time for the current filter: average score and share
 * compliant per day, stated in a sentence and available as a table.
 */
export function OrgTrend({ filter }: { filter: ReportFilter }) {
  const api = useApi(alpineAdvisorApiRef);
  const theme = useTheme();
  const classes = useStyles();
  const key = JSON.stringify(filter);
  const { value, loading, error } = useAsync(
    () => api.getOrgHistory({ ...filter, days: ORG_TREND_DAYS }),
    // The filter object is new on every render; its content is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return loading ? <Progress /> : null;
  }
  const data = value.points.map(point => ({
    day: point.day,
    averageScore: point.averageScore,
    compliantPercent: Math.round(point.compliantShare * 1000) / 10,
  }));
  return (
    <>
      <Typography variant="body2" paragraph>
        {trendSummary(value.points)}
      </Typography>
      {value.points.length > 0 && (
        <>
          <div style={{ width: '100%', height: 240 }} aria-hidden="true">
            <ResponsiveContainer>
              <LineChart data={data}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis yAxisId="score" domain={[0, 100]} width={32} />
                <YAxis
                  yAxisId="share"
                  orientation="right"
                  domain={[0, 100]}
                  unit="%"
                  width={44}
                />
                <Tooltip />
                <Legend />
                <Line
                  yAxisId="score"
                  type="monotone"
                  dataKey="averageScore"
                  name="Average score"
                  stroke={theme.palette.primary.main}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="share"
                  type="monotone"
                  dataKey="compliantPercent"
                  name={`Compliant (${value.policy.description})`}
                  stroke={theme.palette.success?.main ?? '#1b7f3b'}
                  strokeDasharray="6 3"
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <details className={classes.figures}>
            <summary>
              <Typography variant="body2" component="span">
                Show the figures as a table
              </Typography>
            </summary>
            <TrendTable points={value.points} />
          </details>
        </>
      )}
    </>
  );
}
