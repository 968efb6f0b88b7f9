import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { DockerfileResult } from '../../api/types';
import { SeverityLabel } from '../common/SeverityLabel';
import { firstLine, worstFindings } from '../common/findingOrder';

/** The few findings that matter most, each with its fix in one line. */
export function WorstFindings({
  dockerfiles,
  limit = 3,
}: {
  dockerfiles: DockerfileResult[];
  limit?: number;
}) {
  const findings = worstFindings(dockerfiles, limit);
  if (findings.length === 0) {
    return (
      <Typography variant="body2" style={{ marginTop: 16 }}>
        No findings: nothing to fix.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Worst findings">
      {findings.map(finding => (
        <ListItem
          key={`${finding.path}:${finding.line}:${finding.ruleId}`}
          disableGutters
          alignItems="flex-start"
        >
          <ListItemText
            primary={
              <>
                <SeverityLabel severity={finding.severity} /> {finding.message}
              </>
            }
            secondary={`${finding.path}:${finding.line} · Fix: ${firstLine(
              finding.remediation,
            )}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
