import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Fix } from '../../api/types';
import { InlineCodeText } from '../common/InlineCodeText';
import { describeEdit } from './describeEdit';
import { fixPreview } from './fixPreview';

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
  removed: {
    display: 'block',
    backgroundColor: 'rgba(198, 40, 40, 0.15)',
  },
  added: {
    display: 'block',
    backgroundColor: 'rgba(27, 127, 59, 0.15)',
  },
  hunk: {
    display: 'block',
    color: theme.palette.text.secondary,
  },
}));

export interface FixDiffProps {
  fix: Fix;
  /** The Dockerfile the fix applies to; without it only the new text is shown. */
  content?: string;
}

/** A suggested fix as a small unified diff, with the new lines copyable. */
export function FixDiff({ fix, content }: FixDiffProps) {
  const classes = useStyles();
  const preview = content === undefined ? undefined : fixPreview(content, fix);
  const newText = preview
    ? preview.added.join('\n')
    : fix.edits.map(edit => edit.text).join('\n');

  return (
    <Box>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle2" component="p">
          Suggested fix: <InlineCodeText text={fix.description} />
        </Typography>
        <CopyTextButton
          text={newText}
          aria-label="Copy the fixed lines"
          tooltipText="Fixed lines copied"
        />
      </Box>
      <pre
        className={classes.diff}
        aria-label={`Diff: ${fix.description}`}
        data-testid="fix-diff"
      >
        {preview ? (
          <>
            <span className={classes.hunk}>
              {`@@ line ${preview.firstLine} @@`}
            </span>
            {preview.removed.map((line, index) => (
              <span key={`-${index}`} className={classes.removed}>
                {`- ${line}`}
              </span>
            ))}
            {preview.added.map((line, index) => (
              <span key={`+${index}`} className={classes.added}>
                {`+ ${line}`}
              </span>
            ))}
          </>
        ) : (
          fix.edits.map((edit, index) => (
            <span key={index} className={classes.hunk}>
              {describeEdit(edit)}
            </span>
          ))
        )}
      </pre>
    </Box>
  );
}
