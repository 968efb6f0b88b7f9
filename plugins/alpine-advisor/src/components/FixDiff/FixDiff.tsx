import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Fix } from '../../api/types';
import { InlineCodeText } from '../common/InlineCodeText';
import { describeEdit } from './describeEdit';
import { diffLineKinds } from './diffLineKind';

const useStyles = makeStyles(theme => ({
  diff: {
    margin: 0,
    padding: theme.spacing(1),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  line: {
    display: 'block',
    whiteSpace: 'pre',
  },
  removed: {
    backgroundColor: 'rgba(198, 40, 40, 0.15)',
  },
  added: {
    backgroundColor: 'rgba(27, 127, 59, 0.15)',
  },
  header: {
    color: theme.palette.text.secondary,
  },
  context: {},
}));

export interface FixDiffProps {
  fix: Fix;
  /**
   * The fix as a unified diff of the file, from the backend; without it (the
   * file's text was not kept) the edits are described in words.
   */
  diff?: string;
}

/** A suggested fix as a unified diff, copyable for `git apply`. */
export function FixDiff({ fix, diff }: FixDiffProps) {
  const classes = useStyles();
  const lines = diff?.replace(/\n$/, '').split('\n');
  const kinds = lines ? diffLineKinds(lines) : [];
  return (
    <Box>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle2" component="p">
          Suggested fix: <InlineCodeText text={fix.description} />
        </Typography>
        {diff !== undefined && (
          <CopyTextButton
            text={diff}
            aria-label="Copy the diff"
            tooltipText="Diff copied"
          />
        )}
      </Box>
      <pre
        className={classes.diff}
        aria-label={`Diff: ${fix.description}`}
        data-testid="fix-diff"
      >
        {lines
          ? lines.map((line, index) => (
              <span
                key={index}
                className={`${classes.line} ${classes[kinds[index]]}`}
              >
                {line}
              </span>
            ))
          : fix.edits.map((edit, index) => (
              <span key={index} className={`${classes.line} ${classes.header}`}>
                {describeEdit(edit)}
              </span>
            ))}
      </pre>
    </Box>
  );
}
