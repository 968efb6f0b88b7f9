import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useOptionalRouteRef } from '../../hooks/useOptionalRouteRef';
import { useRuleDocsLink } from '../../hooks/useRuleDocsLink';
import { useRules } from '../../hooks/useRules';
import { plural } from '../common/plural';
import { GradeDistributionChart } from '../ReportPage/GradeDistributionChart';
import { TopRules } from '../ReportPage/TopRules';
import { useScopeSummary } from '../../hooks/useScopeSummary';
import {
  SCOPE_NOUNS,
  ScopeStanding,
  ScopeTrendSparkline,
  useScopeReportLink,
  WorstServices,
} from './ScopeParts';

/** @public */
export interface EntityAlpineAdvisorScopeCardProps {
  /** Path of the entity tab with the full summary, relative to the entity page. */
  tabPath?: string;
}

/**
 * The Dockerfile health of a team (Group, with its child groups), System
 * or Domain at a glance: grade distribution, compliance with the policy,
 * breaking musl risks, the trend, the worst services and the most violated
 * rules, with links into the org report filtered to the same services.
 * @public
 */
export function EntityAlpineAdvisorScopeCard({
  tabPath = 'alpine-advisor',
}: EntityAlpineAdvisorScopeCardProps) {
  const { entity } = useEntity();
  const entityLink = useOptionalRouteRef(entityRouteRef);
  const tabLink =
    entityLink && `${entityLink(entityRouteParams(entity))}/${tabPath}`;
  const reportLink = useScopeReportLink();
  const { ruleById } = useRules();
  const ruleDocsLink = useRuleDocsLink();
  const { loading, error, summary } = useScopeSummary(30);
  const title = 'Alpine Advisor';

  if (loading && !summary) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={title}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!summary || summary.summary.entityCount === 0) {
    return (
      <InfoCard title={title}>
        <EmptyState
          missing="data"
          title="No scanned services"
          description="Alpine Advisor has no services of this entity that you may see yet."
        />
      </InfoCard>
    );
  }
  const figures = summary.summary;
  const noun = SCOPE_NOUNS[summary.kind];
  const deepLink = reportLink
    ? { title: 'View in the org report', link: reportLink(summary.filter) }
    : undefined;
  return (
    <InfoCard
      title={title}
      subheader={`Dockerfile health of the ${noun}'s ${plural(
        figures.entityCount,
        'service',
      )}`}
      deepLink={deepLink}
      action={
        tabLink ? (
          <Typography variant="body2">
            <Link to={tabLink}>Details</Link>
          </Typography>
        ) : undefined
      }
    >
      <Box display="flex" flexWrap="wrap" gridGap={24} alignItems="center">
        <Box>
          <Typography
            variant="h6"
            component="p"
            aria-label={`Average score: ${figures.averageScore ?? '—'}`}
          >
            {figures.averageScore ?? '—'} / 100 average
          </Typography>
          <ScopeStanding summary={summary} reportLink={reportLink} />
        </Box>
        <ScopeTrendSparkline points={summary.trend} />
      </Box>
      <GradeDistributionChart counts={figures.gradeCounts} />
      <Typography variant="subtitle2" component="h3">
        Worst services
      </Typography>
      <WorstServices services={summary.worstServices} />
      <Typography variant="subtitle2" component="h3">
        Most violated rules
      </Typography>
      <TopRules
        tallies={figures.topRules.slice(0, 3)}
        ruleById={ruleById}
        ruleDocsLink={ruleDocsLink}
        emptyText="No rule is violated."
      />
    </InfoCard>
  );
}
