import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { alpineAdvisorApiRef } from '../../api';
import { useEntityReport } from '../../hooks/useEntityReport';
import { useOptionalRouteRef } from '../../hooks/useOptionalRouteRef';
import { RescanButton } from '../common/RescanButton';
import { ScanNotices } from '../common/ScanNotices';
import { CardSummary } from './CardSummary';
import { NoScoreState } from './NoScoreState';
import { WorstFindings } from './WorstFindings';

/** @public */
export interface EntityAlpineAdvisorCardProps {
  /** Path of the entity tab that shows the full report, relative to the entity page. */
  tabPath?: string;
}

/** The tab's address, or undefined in an app without the catalog's entity pages. */
function useTabLink(tabPath: string): string | undefined {
  const { entity } = useEntity();
  const entityLink = useOptionalRouteRef(entityRouteRef);
  return entityLink && `${entityLink(entityRouteParams(entity))}/${tabPath}`;
}

/** How many of the entity's waivers expire soon; asked only when findings are waived, and quiet on failure. */
function useWaiversExpiringSoon(entityRef: string, waived: boolean) {
  const api = useApi(alpineAdvisorApiRef);
  const { value } = useAsync(async () => {
    if (!waived) return undefined;
    try {
      const { summary } = await api.listEntityWaivers(entityRef);
      return {
        count: summary.expiringSoonCount,
        days: summary.expiringSoonDays,
      };
    } catch {
      return undefined;
    }
  }, [api, entityRef, waived]);
  return value;
}

/**
 * The entity's Dockerfile health at a glance. States, in order: loading,
 * API error, no score (never scanned, opted out, no source, no Dockerfile,
 * scan error), then the report with stale and non-Alpine marks.
 * @public
 */
export function EntityAlpineAdvisorCard({
  tabPath = 'alpine-advisor',
}: EntityAlpineAdvisorCardProps) {
  const { entityRef, loading, error, report, history, reload } =
    useEntityReport(30);
  const tabLink = useTabLink(tabPath);
  const expiringSoon = useWaiversExpiringSoon(
    entityRef,
    (report?.waivedCount ?? 0) > 0,
  );
  const rescan = <RescanButton entityRef={entityRef} onDone={reload} />;
  const title = 'Alpine Advisor';

  if (loading && !report) {
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
  if (!report || report.grade === null) {
    return (
      <InfoCard title={title}>
        <NoScoreState report={report} action={rescan} />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={title}
      subheader="Dockerfile health: Alpine practices and musl libc risks"
      deepLink={
        tabLink
          ? { title: 'View findings and fixes', link: tabLink }
          : undefined
      }
      action={rescan}
    >
      <ScanNotices report={report} />
      <CardSummary
        report={{ ...report, grade: report.grade }}
        history={history}
        waiversExpiringSoon={expiringSoon}
      />
      <WorstFindings dockerfiles={report.dockerfiles} />
    </InfoCard>
  );
}
