import { useTheme } from '@material-ui/core/styles';
import type { CampaignBurnDownPoint } from '../../api/types';

const WIDTH = 320;
const HEIGHT = 120;
const PAD = { left: 28, right: 8, top: 8, bottom: 18 };
const DAY_MS = 24 * 60 * 60 * 1000;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Where each point sits in the chart: x by day from the start to the deadline, y by affected services. */
export function burnDownGeometry(
  points: CampaignBurnDownPoint[],
  startsOn: string,
  deadline: string,
) {
  const first = dayNumber(startsOn);
  const span = Math.max(1, dayNumber(deadline) - first);
  const top = Math.max(1, ...points.map(point => point.affectedCount));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (day: string) =>
    PAD.left + ((dayNumber(day) - first) / span) * plotWidth;
  const y = (count: number) => PAD.top + (1 - count / top) * plotHeight;
  return {
    top,
    coordinates: points.map(point => ({
      day: point.day,
      x: Math.round(x(point.day) * 10) / 10,
      y: Math.round(y(point.affectedCount) * 10) / 10,
    })),
    /** From the first day's affected services down to none at the deadline. */
    target:
      points.length > 0
        ? {
            x1: x(points[0].day),
            y1: y(points[0].affectedCount),
            x2: x(deadline),
            y2: y(0),
          }
        : undefined,
  };
}

/**
 * A campaign's burn-down as a small SVG: services still affected per day
 * (the line), and a dashed line from the first day's count to none at the
 * deadline. The figures are also in the table next to it; the chart is a
 * picture of them.
 */
export function BurnDownChart({
  points,
  startsOn,
  deadline,
}: {
  points: CampaignBurnDownPoint[];
  startsOn: string;
  deadline: string;
}) {
  const theme = useTheme();
  const { top, coordinates, target } = burnDownGeometry(
    points,
    startsOn,
    deadline,
  );
  const last = points[points.length - 1];
  return (
    <svg
      role="img"
      aria-label={
        last
          ? `Burn-down: ${points[0].affectedCount} services affected on ${points[0].day}, ${last.affectedCount} on ${last.day}; deadline ${deadline}`
          : `Burn-down: no recorded day yet; deadline ${deadline}`
      }
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH * 2, height: 'auto' }}
    >
      <line
        x1={PAD.left}
        y1={HEIGHT - PAD.bottom}
        x2={WIDTH - PAD.right}
        y2={HEIGHT - PAD.bottom}
        stroke={theme.palette.divider}
      />
      <line
        x1={PAD.left}
        y1={PAD.top}
        x2={PAD.left}
        y2={HEIGHT - PAD.bottom}
        stroke={theme.palette.divider}
      />
      <text
        x={PAD.left - 4}
        y={PAD.top + 8}
        textAnchor="end"
        fontSize={9}
        fill={theme.palette.text.secondary}
      >
        {top}
      </text>
      <text
        x={PAD.left - 4}
        y={HEIGHT - PAD.bottom}
        textAnchor="end"
        fontSize={9}
        fill={theme.palette.text.secondary}
      >
        0
      </text>
      <text
        x={PAD.left}
        y={HEIGHT - 4}
        fontSize={9}
        fill={theme.palette.text.secondary}
      >
        {startsOn}
      </text>
      <text
        x={WIDTH - PAD.right}
        y={HEIGHT - 4}
        textAnchor="end"
        fontSize={9}
        fill={theme.palette.text.secondary}
      >
        {deadline}
      </text>
      {target && (
        <line
          data-testid="burn-down-target"
          {...target}
          stroke={theme.palette.text.secondary}
          strokeDasharray="4 3"
        />
      )}
      {coordinates.length > 1 && (
        <polyline
          data-testid="burn-down-line"
          points={coordinates.map(point => `${point.x},${point.y}`).join(' ')}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
        />
      )}
      {coordinates.map(point => (
        <circle
          key={point.day}
          cx={point.x}
          cy={point.y}
          r={coordinates.length > 1 ? 1.5 : 3}
          fill={theme.palette.primary.main}
        />
      ))}
    </svg>
  );
}
