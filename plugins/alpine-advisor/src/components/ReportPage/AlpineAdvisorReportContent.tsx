import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useRuleDocsLink } from '../../hooks/useRuleDocsLink';
import { useRules } from '../../hooks/useRules';
import { ORG_TREND_DAYS, OrgTrend } from '../OrgTrend/OrgTrend';
import { ExportButtons } from './ExportButtons';
import { ReportFiltersBar } from './ReportFiltersBar';
import { OrgWaivers } from './OrgWaivers';
import { ReportKpis } from './ReportKpis';
import { RollupTable } from './RollupTable';
import { ServicesTable } from './ServicesTable';
import { TopRules } from './TopRules';
import { filterOf } from './reportQuery';
import { useFilterOptions } from './useFilterOptions';
import { useReportView } from './useReportView';

/**
 * The org-wide report: KPIs, rollups, top rules and the services table for
 * the view in the URL. All figures are computed by the backend.
 * @public
 */
export function AlpineAdvisorReportContent() {
  const { query, update, value: report, loading, error } = useReportView();
  const options = useFilterOptions();
  const { rules, ruleById } = useRules();
  const ruleDocsLink = useRuleDocsLink();

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ReportFiltersBar
          query={query}
          options={options}
          rules={rules}
          onChange={update}
        />
      </Grid>
      {error && (
        <Grid item xs={12}>
          <ResponseErrorPanel error={error} />
        </Grid>
      )}
      {!report && loading && (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      )}
      {report && (
        <>
          <Grid item xs={12}>
            <ReportKpis summary={report.summary} />
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title={`Services (${report.totalCount})`}
              action={
                <Box pt={1} pr={1}>
                  <ExportButtons filter={filterOf(query)} />
                </Box>
              }
            >
              {loading && <Progress />}
              <div style={{ overflowX: 'auto' }}>
                <ServicesTable
                  report={report}
                  query={query}
                  onChange={update}
                />
              </div>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Breaking musl risks" variant="fullHeight">
              <TopRules
                tallies={report.summary.muslBreakingRisks.rules}
                ruleById={ruleById}
                ruleDocsLink={ruleDocsLink}
                emptyText="No error-level musl finding in these services."
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Top violated rules" variant="fullHeight">
              <TopRules
                tallies={report.summary.topRules}
                ruleById={ruleById}
                ruleDocsLink={ruleDocsLink}
                emptyText="No findings in these services."
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Trend"
              subheader={`The last ${ORG_TREND_DAYS} days, for the services in this view`}
            >
              <OrgTrend filter={filterOf(query)} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="Waivers">
              <OrgWaivers />
            </InfoCard>
          </Grid>
          {report.rollups && (
            <Grid item xs={12}>
              <InfoCard title="Rollup">
                <RollupTable
                  rollups={report.rollups}
                  onGroupByChange={groupBy => update({ groupBy })}
                  onDrillDown={update}
                />
              </InfoCard>
            </Grid>
          )}
        </>
      )}
    </Grid>
  );
}
