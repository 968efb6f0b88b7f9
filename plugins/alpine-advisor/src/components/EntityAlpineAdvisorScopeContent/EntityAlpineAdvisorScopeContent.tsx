import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useRuleDocsLink } from '../../hooks/useRuleDocsLink';
import { useRules } from '../../hooks/useRules';
import { useScopeSummary } from '../../hooks/useScopeSummary';
import {
  SCOPE_NOUNS,
  ScopeStanding,
  ScopeTrendSparkline,
  useScopeReportLink,
  WorstServices,
} from '../EntityAlpineAdvisorScopeCard/ScopeParts';
import { OrgTrend } from '../OrgTrend/OrgTrend';
import { ReportKpis } from '../ReportPage/ReportKpis';
import { TopRules } from '../ReportPage/TopRules';

/**
 * The entity tab of a team (Group, with its child groups), System or
 * Domain: the org report's figures over its services, the worst of them,
 * the most violated rules and breaking musl risks, and the daily trend, with
 * a link into the org report filtered to the same services.
 * @public
 */
export function EntityAlpineAdvisorScopeContent() {
  const { loading, error, summary } = useScopeSummary(90);
  const reportLink = useScopeReportLink();
  const { ruleById } = useRules();
  const ruleDocsLink = useRuleDocsLink();

  if (loading && !summary) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!summary || summary.summary.entityCount === 0) {
    return (
      <EmptyState
        missing="data"
        title="No scanned services"
        description="Alpine Advisor has no services of this entity that you may see yet."
      />
    );
  }
  const figures = summary.summary;
  const noun = SCOPE_NOUNS[summary.kind];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ReportKpis summary={figures} />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Standing"
          subheader={`Against the org policy, over the ${noun}'s services you may see`}
          action={
            reportLink ? (
              <Button
                variant="outlined"
                size="small"
                href={reportLink(summary.filter)}
              >
                Open in the org report
              </Button>
            ) : undefined
          }
        >
          <ScopeStanding summary={summary} reportLink={reportLink} />
          <ScopeTrendSparkline points={summary.trend} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Worst services">
          <WorstServices services={summary.worstServices} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Most violated rules">
          <TopRules
            tallies={figures.topRules}
            ruleById={ruleById}
            ruleDocsLink={ruleDocsLink}
            emptyText="No rule is violated."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Breaking musl risks">
          <TopRules
            tallies={figures.muslBreakingRisks.rules}
            ruleById={ruleById}
            ruleDocsLink={ruleDocsLink}
            emptyText="No error-level musl finding."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Trend">
          <OrgTrend filter={summary.filter} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
