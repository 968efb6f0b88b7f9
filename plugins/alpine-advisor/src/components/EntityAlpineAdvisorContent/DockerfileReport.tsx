import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  DockerfileResult,
  ReportedFinding,
  RuleDescription,
} from '../../api/types';
import { DockerfileView } from '../DockerfileView/DockerfileView';
import { FindingDetails } from '../FindingDetails/FindingDetails';
import { ScoreExplanationView } from '../ScoreExplanation/ScoreExplanationView';
import { StageLibcMap } from '../StageLibcMap/StageLibcMap';
import { GradeBadge } from '../common/GradeBadge';
import { compareFindings } from '../common/findingOrder';
import { plural } from '../common/plural';

export interface DockerfileReportProps {
  file: DockerfileResult;
  /** The findings left after the tab's filters. */
  findings: ReportedFinding[];
  anchor: string;
  ruleById: (id: string) => RuleDescription | undefined;
  ruleDocsLink?: (ruleId: string) => string;
}

function Section({
  title,
  children,
}: {
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Box component="section" mt={3}>
      <Typography variant="h6" component="h3" gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** Everything about one Dockerfile: stages and libc, score, file, findings. */
export function DockerfileReport({
  file,
  findings,
  anchor,
  ruleById,
  ruleDocsLink,
}: DockerfileReportProps) {
  const sorted = [...findings].sort(compareFindings);
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" gridGap={12}>
          <GradeBadge grade={file.grade} score={file.score} />
          <code>{file.path}</code>
        </Box>
      }
      subheader={
        file.usesAlpine
          ? `Alpine ${file.alpineRelease ?? '(release unknown)'} · ${plural(
              file.findings.length,
              'finding',
            )}`
          : `Not Alpine-based: only hygiene rules apply · ${plural(
              file.findings.length,
              'finding',
            )}`
      }
    >
      <Section title="Stages and C library">
        <StageLibcMap stages={file.stages} />
      </Section>
      <Section title="Score">
        <ScoreExplanationView
          explanation={file.explanation}
          ruleTitle={ruleId => ruleById(ruleId)?.title ?? ruleId}
        />
      </Section>
      {file.content !== undefined && (
        <Section title="Dockerfile">
          <DockerfileView
            id={anchor}
            content={file.content}
            findings={file.findings}
          />
        </Section>
      )}
      {file.contentOmitted && (
        <Section title="Dockerfile">
          <Typography variant="body2">
            Not shown: the file is larger than 1 MiB or is not text.
          </Typography>
        </Section>
      )}
      <Section title={`Findings (${sorted.length} of ${file.findings.length})`}>
        {sorted.length === 0 ? (
          <Typography variant="body2">
            {file.findings.length === 0
              ? 'No findings in this Dockerfile.'
              : 'No findings match the filters.'}
          </Typography>
        ) : (
          sorted.map(finding => (
            <FindingDetails
              key={`${finding.line}:${finding.column}:${finding.ruleId}`}
              finding={finding}
              rule={ruleById(finding.ruleId)}
              fileAnchor={anchor}
              ruleDocsLink={ruleDocsLink}
            />
          ))
        )}
      </Section>
    </InfoCard>
  );
}
