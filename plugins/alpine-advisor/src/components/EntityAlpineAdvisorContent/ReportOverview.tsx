import { InfoCard, StatusOK, StatusWarning } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { EntityReport, Grade, RuleDescription } from '../../api/types';
import { GradeBadge } from '../common/GradeBadge';
import { RelativeTime } from '../common/RelativeTime';
import { RescanButton } from '../common/RescanButton';
import { ScanNotices } from '../common/ScanNotices';
import { GRADE_MEANINGS } from '../common/grades';
import { KnowledgeNote } from '../common/KnowledgeNote';
import { useKnowledge } from '../../hooks/useKnowledge';
import { ScoreExplanationView } from '../ScoreExplanation/ScoreExplanationView';

export interface ReportOverviewProps {
  report: EntityReport & { grade: Grade };
  ruleById: (id: string) => RuleDescription | undefined;
  onRescanned: () => void;
}

const TRIGGER_LABELS: Record<string, string> = {
  schedule: 'Scheduled scan',
  rescan: 'On-demand rescan',
  knowledge: 'Re-scored after a knowledge refresh',
  event: 'Rescanned after a push',
};

/** The service's score, standing and freshness, and how the score was formed. */
export function ReportOverview({
  report,
  ruleById,
  onRescanned,
}: ReportOverviewProps) {
  const knowledge = useKnowledge();
  return (
    <InfoCard
      title="Alpine Advisor report"
      action={
        <RescanButton entityRef={report.entityRef} onDone={onRescanned} />
      }
    >
      <ScanNotices report={report} />
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        gridGap={24}
        mb={2}
      >
        <GradeBadge
          grade={report.grade}
          score={report.score ?? undefined}
          size="large"
        />
        <Box>
          <Typography variant="h6" component="p">
            {report.score} / 100 · {GRADE_MEANINGS[report.grade]}
          </Typography>
          {report.compliant ? (
            <StatusOK>Meets the compliance policy</StatusOK>
          ) : (
            <StatusWarning>Below the compliance policy</StatusWarning>
          )}
        </Box>
        <Box>
          {report.lastScannedAt && (
            <Typography variant="body2">
              Last scanned <RelativeTime iso={report.lastScannedAt} />
            </Typography>
          )}
          {report.scan && (
            <Typography variant="caption" display="block">
              {TRIGGER_LABELS[report.scan.trigger] ?? 'Scan'}
              {report.scan.revision
                ? ` of ${report.scan.revision.slice(0, 12)}`
                : ''}{' '}
              in {report.scan.durationMs} ms
            </Typography>
          )}
          {report.sourceLocation && (
            <Typography variant="caption" display="block">
              Source: {report.sourceLocation}
            </Typography>
          )}
          <KnowledgeNote
            dockerfiles={report.dockerfiles}
            knowledge={knowledge}
          />
        </Box>
      </Box>
      {report.explanation && (
        <ScoreExplanationView
          explanation={report.explanation}
          ruleTitle={ruleId => ruleById(ruleId)?.title ?? ruleId}
          showDeductions={false}
        />
      )}
    </InfoCard>
  );
}
