import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ReportSummary } from '../../api/types';
import { plural } from '../common/plural';
import {
  GradeDistributionChart,
  gradeSentence,
} from './GradeDistributionChart';

function Kpi({
  label,
  value,
  detail,
}: {
  label: string;
  value: string;
  detail: string;
}) {
  return (
    <InfoCard variant="fullHeight">
      <Typography variant="overline" component="h2">
        {label}
      </Typography>
      <Typography variant="h4" component="p" aria-label={`${label}: ${value}`}>
        {value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {detail}
      </Typography>
    </InfoCard>
  );
}

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** The org's standing over every service matching the filters. */
export function ReportKpis({ summary }: { summary: ReportSummary }) {
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6} md={2}>
        <Kpi
          label="Services scanned"
          value={String(summary.scoredCount)}
          detail={`of ${summary.entityCount} in scope · average score ${
            summary.averageScore === null
              ? '—'
              : Math.round(summary.averageScore)
          }`}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <Kpi
          label="Compliant"
          value={percent(summary.compliantShare)}
          detail={`${plural(summary.compliantCount, 'service')} ${
            summary.compliantCount === 1 ? 'meets' : 'meet'
          } the policy: ${summary.policy.description}`}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <Kpi
          label="Breaking musl risks"
          value={String(summary.muslBreakingRisks.entityCount)}
          detail="services with an error-level musl finding: likely to fail at runtime"
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <Kpi
          label="Stale scans"
          value={String(summary.staleCount)}
          detail={`${plural(
            summary.failingCount,
            'service',
          )} whose latest scan failed`}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard variant="fullHeight">
          <Typography variant="overline" component="h2">
            Grade distribution
          </Typography>
          <GradeDistributionChart counts={summary.gradeCounts} />
          <Typography variant="caption">
            {gradeSentence(summary.gradeCounts)}
          </Typography>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
