import { Link, MarkdownContent } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RuleDescription } from '../../api/types';
import { CategoryLabel } from '../common/CategoryLabel';
import { SeverityLabel } from '../common/SeverityLabel';

const useStyles = makeStyles(theme => ({
  rule: {
    padding: theme.spacing(2, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    scrollMarginTop: theme.spacing(10),
    '&:target': {
      backgroundColor: theme.palette.action.selected,
    },
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
  },
}));

/** One rule's documentation: what, why, how to fix, examples, references. */
export function RuleDocs({ rule }: { rule: RuleDescription }) {
  const classes = useStyles();
  return (
    <Box
      component="section"
      id={rule.id}
      className={classes.rule}
      aria-labelledby={`${rule.id}-title`}
    >
      <Typography variant="h5" component="h2" id={`${rule.id}-title`}>
        {rule.title}
      </Typography>
      <div className={classes.meta}>
        <code>{rule.id}</code>
        <SeverityLabel severity={rule.severity} />
        <CategoryLabel category={rule.category} />
        <Typography variant="body2">
          {rule.scope === 'alpine' ? 'Alpine stages only' : 'Any stage'}
          {rule.fixable ? ' · fix suggested' : ''}
          {rule.aliases.length > 0 ? ` · also ${rule.aliases.join(', ')}` : ''}
        </Typography>
      </div>
      <Typography variant="subtitle2" component="h3">
        Why it matters
      </Typography>
      <MarkdownContent content={rule.rationale} />
      <Typography variant="subtitle2" component="h3">
        How to fix
      </Typography>
      <MarkdownContent content={rule.remediation} />
      <MarkdownContent content={rule.docs} />
      {rule.references.length > 0 && (
        <Typography variant="body2" component="div">
          References:{' '}
          {rule.references.map((reference, index) => (
            <span key={reference}>
              {index > 0 && ' · '}
              <Link to={reference}>{reference}</Link>
            </span>
          ))}
        </Typography>
      )}
    </Box>
  );
}
