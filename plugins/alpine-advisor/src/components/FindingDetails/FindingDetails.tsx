import { Link, MarkdownContent } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReportedFinding, RuleDescription } from '../../api/types';
import { CategoryLabel } from '../common/CategoryLabel';
import { InlineCodeText } from '../common/InlineCodeText';
import { SeverityLabel } from '../common/SeverityLabel';
import { FindingEvidenceList } from '../FindingEvidence/FindingEvidenceList';
import { FixDiff } from '../FixDiff/FixDiff';

const useStyles = makeStyles(theme => ({
  finding: {
    padding: theme.spacing(2),
    borderLeft: `4px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(2),
    backgroundColor: theme.palette.background.paper,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
  },
  text: {
    whiteSpace: 'pre-wrap',
  },
}));

export interface FindingDetailsProps {
  finding: ReportedFinding;
  rule?: RuleDescription;
  /** Anchor prefix of the Dockerfile view, to link the finding's line. */
  fileAnchor: string;
  ruleDocsLink?: (ruleId: string) => string;
}

/**
 * One finding, from what is wrong to how to fix it: severity, category, rule,
 * the message, why it matters, the remediation, the fix as a diff and links.
 * Messages and remediation come from Dockerfile text and are shown as text.
 */
export function FindingDetails({
  finding,
  rule,
  fileAnchor,
  ruleDocsLink,
}: FindingDetailsProps) {
  const classes = useStyles();
  const title = rule?.title ?? finding.ruleId;
  const headingId = `${fileAnchor}-finding-${finding.line}-${finding.ruleId}`;
  return (
    <Box
      component="article"
      className={classes.finding}
      aria-labelledby={headingId}
    >
      <div className={classes.header}>
        <SeverityLabel severity={finding.severity} />
        <CategoryLabel category={finding.category} />
        <Typography variant="h6" component="h4" id={headingId}>
          {title}
        </Typography>
        <a href={`#${fileAnchor}-L${finding.line}`}>
          {finding.endLine > finding.line
            ? `lines ${finding.line}–${finding.endLine}`
            : `line ${finding.line}`}
        </a>
      </div>
      <Typography variant="body1" className={classes.text}>
        <InlineCodeText text={finding.message} />
      </Typography>
      <FindingEvidenceList evidence={finding.evidence} />
      {finding.waived && (
        <Typography variant="body2" color="textSecondary">
          Waived until {finding.waived.expiresAt.slice(0, 10)}: it does not
          count against the score until then.
        </Typography>
      )}
      {finding.enforced && (
        <Typography variant="body2" color="textSecondary">
          {enforcementText(finding)}
        </Typography>
      )}
      {rule?.rationale && (
        <>
          <Typography variant="subtitle2" component="h5">
            Why it matters
          </Typography>
          <MarkdownContent content={rule.rationale} />
        </>
      )}
      <Typography variant="subtitle2" component="h5">
        How to fix
      </Typography>
      <Typography variant="body2" className={classes.text} paragraph>
        <InlineCodeText text={finding.remediation} />
      </Typography>
      {finding.fix && <FixDiff fix={finding.fix} diff={finding.fixDiff} />}
      <Typography variant="body2" component="div">
        Rule <code>{finding.ruleId}</code>
        {finding.aliases.length > 0 && (
          <> (also {finding.aliases.join(', ')})</>
        )}
        {ruleDocsLink && (
          <>
            {' · '}
            <Link to={ruleDocsLink(finding.ruleId)}>Rule docs: {title}</Link>
          </>
        )}
        {(rule?.references ?? []).map(reference => (
          <span key={reference}>
            {' · '}
            <Link to={reference}>{new URL(reference).hostname}</Link>
          </span>
        ))}
      </Typography>
    </Box>
  );
}

/** "Enforced by the organisation; not silenced by: the repository config (asked for off), a hadolint comment on line 2." */
export function enforcementText(finding: ReportedFinding): string {
  const attempts = (finding.suppressionAttempts ?? []).map(attempt =>
    attempt.via === 'config'
      ? `the repository config (asked for ${attempt.requested ?? 'a change'})`
      : `a ${attempt.syntax ?? 'suppression'} comment on line ${attempt.line}`,
  );
  return attempts.length === 0
    ? 'Enforced by the organisation: it cannot be ignored or downgraded.'
    : `Enforced by the organisation; not silenced by: ${attempts.join(', ')}.`;
}
