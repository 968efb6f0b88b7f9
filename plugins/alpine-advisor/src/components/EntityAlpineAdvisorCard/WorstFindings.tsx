import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { DockerfileResult } from '../../api/types';
import { InlineCodeText } from '../common/InlineCodeText';
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
    <Box
      component="ul"
      aria-label="Worst findings"
      p={0}
      mt={2}
      mb={0}
      style={{ listStyle: 'none' }}
    >
      {findings.map(finding => (
        <Box
          component="li"
          key={`${finding.path}:${finding.line}:${finding.ruleId}`}
          mb={1.5}
        >
          <Typography variant="body2" component="div">
            <SeverityLabel severity={finding.severity} />{' '}
            <InlineCodeText text={finding.message} />
          </Typography>
          <Typography variant="caption" color="textSecondary" component="div">
            {finding.path}:{finding.line} · Fix:{' '}
            <InlineCodeText text={firstLine(finding.remediation)} />
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
