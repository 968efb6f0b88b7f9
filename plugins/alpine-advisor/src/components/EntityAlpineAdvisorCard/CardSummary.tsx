import { StatusOK, StatusWarning } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { EntityReport, ScoreHistoryPoint } from '../../api/types';
import { CATEGORY_TITLES } from '../common/CategoryLabel';
import { GradeBadge } from '../common/GradeBadge';
import { RelativeTime } from '../common/RelativeTime';
import { ScoreSparkline } from '../common/ScoreSparkline';
import { countByCategory } from '../common/findingOrder';
import { GRADE_MEANINGS } from '../common/grades';
import { plural } from '../common/plural';

export interface CardSummaryProps {
  report: EntityReport & { grade: NonNullable<EntityReport['grade']> };
  history: ScoreHistoryPoint[];
  /** Active waivers of the entity expiring soon, when known. */
  waiversExpiringSoon?: { count: number; days: number };
}

/** Score, grade, policy standing, freshness, trend and counts at a glance. */
export function CardSummary({
  report,
  history,
  waiversExpiringSoon,
}: CardSummaryProps) {
  const categories = countByCategory(report.dockerfiles);
  const counts = report.findingCounts;
  return (
    <Box display="flex" flexWrap="wrap" gridGap={24} alignItems="center">
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
        {report.lastScannedAt && (
          <Typography variant="caption" display="block">
            Last scanned <RelativeTime iso={report.lastScannedAt} />
          </Typography>
        )}
      </Box>
      <ScoreSparkline points={history} />
      <Box>
        <Typography variant="body2" aria-label="Findings by severity">
          {plural(counts.error, 'error')} · {plural(counts.warning, 'warning')}{' '}
          · {counts.info} info
        </Typography>
        <Typography variant="body2" aria-label="Findings by category">
          {(['musl', 'alpine', 'hygiene'] as const)
            .map(
              category =>
                `${CATEGORY_TITLES[category]}: ${categories[category]}`,
            )
            .join(' · ')}
        </Typography>
        {report.muslErrorCount > 0 && (
          <Typography variant="body2" color="error">
            {plural(report.muslErrorCount, 'breaking musl risk')}
          </Typography>
        )}
        {(report.waivedCount ?? 0) > 0 && (
          <Typography variant="body2" aria-label="Waived findings">
            {plural(report.waivedCount ?? 0, 'finding')} waived
            {waiversExpiringSoon && waiversExpiringSoon.count > 0
              ? ` · ${plural(
                  waiversExpiringSoon.count,
                  'waiver',
                )} expiring within ${waiversExpiringSoon.days} days`
              : ''}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
