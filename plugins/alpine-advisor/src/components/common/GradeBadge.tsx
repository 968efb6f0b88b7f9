import { makeStyles } from '@material-ui/core/styles';
import type { Grade } from '../../api/types';
import { GRADE_COLOURS, GRADE_MEANINGS } from './grades';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'baseline',
    gap: theme.spacing(0.5),
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.25, 1),
    color: '#fff',
    fontWeight: theme.typography.fontWeightBold as number,
    whiteSpace: 'nowrap',
  },
  large: {
    fontSize: '1.75rem',
    padding: theme.spacing(0.5, 1.5),
  },
  score: {
    fontWeight: theme.typography.fontWeightRegular as number,
    fontSize: '0.8em',
  },
}));

export interface GradeBadgeProps {
  grade: Grade;
  score?: number;
  size?: 'small' | 'large';
}

/** The grade as a letter on a coloured badge, with the meaning in its label. */
export function GradeBadge({ grade, score, size = 'small' }: GradeBadgeProps) {
  const classes = useStyles();
  const label =
    score === undefined
      ? `Grade ${grade} (${GRADE_MEANINGS[grade]})`
      : `Grade ${grade} (${GRADE_MEANINGS[grade]}), score ${score} of 100`;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`${classes.badge} ${size === 'large' ? classes.large : ''}`}
      style={{ backgroundColor: GRADE_COLOURS[grade] }}
    >
      {grade}
      {score !== undefined && <span className={classes.score}>{score}</span>}
    </span>
  );
}
