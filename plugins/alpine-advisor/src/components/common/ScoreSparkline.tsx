import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, YAxis } from 'recharts';
import type { ScoreHistoryPoint } from '../../api/types';

/** The trend in words, so that the sparkline is never the only carrier. */
export function trendSentence(points: ScoreHistoryPoint[]): string {
  if (points.length < 2) return 'No trend yet: one scan day so far.';
  const first = points[0];
  const last = points[points.length - 1];
  const change = last.score - first.score;
  let direction = 'unchanged';
  if (change > 0) direction = `up ${change}`;
  if (change < 0) direction = `down ${-change}`;
  return `Score ${direction} since ${first.day} (${first.score} → ${last.score}).`;
}

/** A small trend line of daily scores. */
export function ScoreSparkline({ points }: { points: ScoreHistoryPoint[] }) {
  const theme = useTheme();
  const sentence = trendSentence(points);
  if (points.length < 2) {
    return (
      <Typography variant="caption" color="textSecondary">
        {sentence}
      </Typography>
    );
  }
  return (
    <span role="img" aria-label={sentence} title={sentence}>
      <LineChart width={120} height={32} data={points}>
        <YAxis hide domain={[0, 100]} />
        <Line
          type="monotone"
          dataKey="score"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
