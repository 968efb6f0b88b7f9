import { makeStyles } from '@material-ui/core/styles';
import type { Finding, Severity } from '../../api/types';

const useStyles = makeStyles(theme => ({
  file: {
    margin: 0,
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    lineHeight: 1.5,
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  line: {
    display: 'flex',
  },
  number: {
    flex: '0 0 3.5em',
    paddingRight: theme.spacing(1),
    textAlign: 'right',
    color: theme.palette.text.secondary,
    userSelect: 'none',
  },
  marker: {
    flex: '0 0 1.5em',
    fontWeight: theme.typography.fontWeightBold as number,
  },
  text: {
    whiteSpace: 'pre',
    paddingRight: theme.spacing(1),
  },
  error: { backgroundColor: 'rgba(198, 40, 40, 0.14)' },
  warning: { backgroundColor: 'rgba(184, 138, 0, 0.16)' },
  info: { backgroundColor: 'rgba(25, 118, 210, 0.12)' },
}));

const SEVERITY_RANK: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};
const MARKERS: Record<Severity, string> = {
  error: '✖',
  warning: '▲',
  info: 'ℹ',
};

/** The worst severity reported on each line a finding spans. */
function worstSeverityByLine(findings: Finding[]): Map<number, Severity> {
  const byLine = new Map<number, Severity>();
  for (const finding of findings) {
    for (let line = finding.line; line <= finding.endLine; line++) {
      const current = byLine.get(line);
      if (
        !current ||
        SEVERITY_RANK[finding.severity] < SEVERITY_RANK[current]
      ) {
        byLine.set(line, finding.severity);
      }
    }
  }
  return byLine;
}

export interface DockerfileViewProps {
  /** Anchor prefix so that findings can link to `#<id>-L<line>`. */
  id: string;
  content: string;
  findings: Finding[];
}

/**
 * The Dockerfile with line numbers, finding lines highlighted and marked by a
 * symbol as well as colour. Content is rendered as text, never as HTML.
 */
export function DockerfileView({ id, content, findings }: DockerfileViewProps) {
  const classes = useStyles();
  const severities = worstSeverityByLine(findings);
  const lines = content.replace(/\r?\n$/, '').split(/\r?\n/);
  return (
    <pre className={classes.file} aria-label="Dockerfile content">
      <code>
        {lines.map((text, index) => {
          const lineNumber = index + 1;
          const severity = severities.get(lineNumber);
          return (
            <span
              key={lineNumber}
              id={`${id}-L${lineNumber}`}
              data-testid={severity ? 'highlighted-line' : undefined}
              className={`${classes.line} ${severity ? classes[severity] : ''}`}
            >
              <span className={classes.number}>{lineNumber}</span>
              <span
                className={classes.marker}
                aria-label={severity ? `${severity} on this line` : undefined}
              >
                {severity ? MARKERS[severity] : ''}
              </span>
              <span className={classes.text}>{text}</span>
            </span>
          );
        })}
      </code>
    </pre>
  );
}
