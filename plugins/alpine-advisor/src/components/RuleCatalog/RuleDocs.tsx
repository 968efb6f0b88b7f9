import { Link, MarkdownContent } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { RuleDescription } from '../../api/types';
import { CategoryLabel } from '../common/CategoryLabel';
import { SeverityLabel } from '../common/SeverityLabel';
import { ruleDocsBody } from './ruleDocsBody';

const useStyles = makeStyles(theme => ({
  rule: {
    scrollMarginTop: theme.spacing(10),
  },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
  },
  details: {
    display: 'block',
  },
}));

export interface RuleDocsProps {
  rule: RuleDescription;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
}

/** One rule: a one-line summary that opens onto why, how to fix, examples and references. */
export function RuleDocs({ rule, expanded, onToggle }: RuleDocsProps) {
  const classes = useStyles();
  const titleId = `${rule.id}-title`;
  return (
    <Accordion
      id={rule.id}
      className={classes.rule}
      expanded={expanded}
      onChange={(_event, isExpanded) => onToggle(isExpanded)}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`${rule.id}-docs`}
      >
        <div className={classes.summary}>
          <Typography variant="h6" component="h2" id={titleId}>
            {rule.title}
          </Typography>
          <SeverityLabel severity={rule.severity} />
          <CategoryLabel category={rule.category} />
          <code>{rule.id}</code>
        </div>
      </AccordionSummary>
      <AccordionDetails
        id={`${rule.id}-docs`}
        className={classes.details}
        role="region"
        aria-labelledby={titleId}
      >
        <Typography variant="body2" paragraph>
          {rule.scope === 'alpine'
            ? 'Applies to Alpine stages'
            : 'Applies to any stage'}
          {rule.fixable ? ' · a fix is suggested' : ''}
          {rule.aliases.length > 0 ? ` · also ${rule.aliases.join(', ')}` : ''}
        </Typography>
        {/* Why it matters is the docs' first paragraph, shown below with them. */}
        <Typography variant="subtitle2" component="h3">
          How to fix
        </Typography>
        <MarkdownContent content={rule.remediation} />
        <Box mt={2}>
          <MarkdownContent content={ruleDocsBody(rule.docs)} />
        </Box>
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
      </AccordionDetails>
    </Accordion>
  );
}
