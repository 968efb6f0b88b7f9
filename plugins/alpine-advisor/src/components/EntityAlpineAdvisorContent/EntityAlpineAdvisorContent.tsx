import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { useEntityReport } from '../../hooks/useEntityReport';
import { useRuleDocsLink } from '../../hooks/useRuleDocsLink';
import { useRules } from '../../hooks/useRules';
import { NoScoreState } from '../EntityAlpineAdvisorCard/NoScoreState';
import { RescanButton } from '../common/RescanButton';
import { ScoreHistoryChart } from '../ScoreHistory/ScoreHistoryChart';
import { DockerfileReport } from './DockerfileReport';
import { FindingFilters, type FindingFilterValue } from './FindingFilters';
import { ReportOverview } from './ReportOverview';
import { WaiversPanel } from './WaiversPanel';

function anchorFor(path: string): string {
  return `dockerfile-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/**
 * The entity tab: how to fix each finding, per Dockerfile. States, in order:
 * loading, API error, no score, then the report.
 * @public
 */
export function EntityAlpineAdvisorContent() {
  const { entityRef, loading, error, report, history, reload } =
    useEntityReport(365);
  const { ruleById } = useRules();
  const ruleDocsLink = useRuleDocsLink();
  const [filters, setFilters] = useState<FindingFilterValue>({});

  if (loading && !report) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!report || report.grade === null) {
    return (
      <InfoCard title="Alpine Advisor report">
        <NoScoreState
          report={report}
          action={<RescanButton entityRef={entityRef} onDone={reload} />}
        />
      </InfoCard>
    );
  }

  const matches = (finding: { category: string; severity: string }) =>
    (!filters.category || finding.category === filters.category) &&
    (!filters.severity || finding.severity === filters.severity);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <ReportOverview
          report={{ ...report, grade: report.grade }}
          ruleById={ruleById}
          onRescanned={reload}
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Score history">
          <ScoreHistoryChart points={history} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <FindingFilters value={filters} onChange={setFilters} />
      </Grid>
      {report.dockerfiles.map(file => (
        <Grid item xs={12} key={file.path}>
          <DockerfileReport
            file={file}
            findings={file.findings.filter(matches)}
            anchor={anchorFor(file.path)}
            ruleById={ruleById}
            ruleDocsLink={ruleDocsLink}
          />
        </Grid>
      ))}
      <Grid item xs={12}>
        <WaiversPanel
          entityRef={entityRef}
          report={report}
          onChanged={reload}
        />
      </Grid>
    </Grid>
  );
}
