import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ScoreHistoryPoint } from '../../api/types';
import { trendSentence } from '../common/ScoreSparkline';

/** Daily scores over time, with the trend also stated in words. */
export function ScoreHistoryChart({ points }: { points: ScoreHistoryPoint[] }) {
  const theme = useTheme();
  if (points.length === 0) {
    return (
      <Typography variant="body2">
        No history yet: scores are recorded once a day after each scan.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" paragraph>
        {trendSentence(points)}
      </Typography>
      <div style={{ width: '100%', height: 220 }} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={points}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Line
              type="monotone"
              dataKey="score"
              name="Score"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
