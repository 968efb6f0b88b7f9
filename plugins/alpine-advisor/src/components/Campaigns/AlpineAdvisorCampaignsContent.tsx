import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { alpineAdvisorApiRef } from '../../api';
import type {
  Campaign,
  CampaignProgress,
  CampaignStanding,
  CampaignState,
  ReportFilter,
} from '../../api/types';
import { plural } from '../common/plural';
import { BodyCell, HeadCell } from '../common/TableCells';
import { useScopeReportLink } from '../EntityAlpineAdvisorScopeCard/ScopeParts';
import { BurnDownChart } from './BurnDownChart';

const STATE_TEXT: Record<CampaignState, string> = {
  upcoming: 'Not started',
  active: 'In progress',
  done: 'Done',
  overdue: 'Overdue',
};

/** What the campaign asks, in words. */
export function conditionText(campaign: Campaign): string {
  switch (campaign.condition) {
    case 'eol-alpine':
      return 'No end-of-life Alpine release';
    case 'breaking-musl':
      return 'No error-level musl risk';
    default:
      return `No finding of ${(campaign.rules ?? []).join(', ')}`;
  }
}

/** The campaign's scope in words. */
export function scopeText(campaign: Campaign): string {
  const parts = (['owner', 'system', 'domain', 'lifecycle'] as const)
    .filter(field => campaign.scope[field]?.length)
    .map(field => `${field} ${campaign.scope[field]!.join(' or ')}`);
  return parts.length ? parts.join('; ') : 'every scanned service';
}

/** The report filter showing the services a campaign still affects. */
export function affectedFilter(
  campaign: Campaign,
  owner?: string | null,
): ReportFilter {
  const filter: ReportFilter = {};
  for (const field of ['owner', 'system', 'domain', 'lifecycle'] as const) {
    const values = campaign.scope[field];
    if (values?.length) filter[field] = values;
  }
  if (owner) filter.owner = [owner];
  if (campaign.condition === 'breaking-musl') {
    filter.category = ['musl'];
    filter.severity = ['error'];
  } else {
    filter.rule =
      campaign.condition === 'eol-alpine'
        ? ['alpine-eol']
        : campaign.rules ?? [];
  }
  return filter;
}

function deadlineText(standing: CampaignStanding): string {
  const { daysLeft, campaign } = standing;
  if (daysLeft > 0) {
    return `Deadline ${campaign.deadline}, ${plural(daysLeft, 'day')} left`;
  }
  if (daysLeft === 0) return `Deadline ${campaign.deadline}, today`;
  return `Deadline ${campaign.deadline}, ${plural(-daysLeft, 'day')} ago`;
}

function OwnersTable({
  progress,
  reportLink,
}: {
  progress: CampaignProgress;
  reportLink?: (filter: ReportFilter) => string;
}) {
  if (progress.owners.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No scanned service in scope.
      </Typography>
    );
  }
  return (
    <Table
      size="small"
      aria-label={`Owners' progress: ${progress.campaign.title}`}
    >
      <TableHead>
        <TableRow>
          <HeadCell>Owner</HeadCell>
          <HeadCell align="right">Affected</HeadCell>
          <HeadCell align="right">Services</HeadCell>
          <HeadCell align="right">Done</HeadCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {progress.owners.map(owner => {
          const done = owner.totalCount - owner.affectedCount;
          const affected =
            owner.affectedCount > 0 && owner.owner && reportLink ? (
              <Link
                to={reportLink(affectedFilter(progress.campaign, owner.owner))}
              >
                {owner.affectedCount}
              </Link>
            ) : (
              owner.affectedCount
            );
          return (
            <TableRow key={owner.owner ?? ''}>
              <BodyCell component="th" scope="row">
                {owner.owner ? (
                  <EntityRefLink entityRef={owner.owner} />
                ) : (
                  'No owner'
                )}
              </BodyCell>
              <BodyCell align="right">{affected}</BodyCell>
              <BodyCell align="right">{owner.totalCount}</BodyCell>
              <BodyCell align="right" nowrap>
                {owner.totalCount
                  ? `${Math.round((done / owner.totalCount) * 100)}%`
                  : '–'}
              </BodyCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function BurnDownTable({ progress }: { progress: CampaignProgress }) {
  return (
    <details>
      <summary>Figures per day</summary>
      <Table size="small" aria-label={`Burn-down: ${progress.campaign.title}`}>
        <TableHead>
          <TableRow>
            <HeadCell>Day</HeadCell>
            <HeadCell align="right">Affected</HeadCell>
            <HeadCell align="right">Scanned</HeadCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...progress.burnDown].reverse().map(point => (
            <TableRow key={point.day}>
              <BodyCell component="th" scope="row" nowrap>
                {point.day}
              </BodyCell>
              <BodyCell align="right">{point.affectedCount}</BodyCell>
              <BodyCell align="right">{point.scannedCount}</BodyCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}

function CampaignDetail({
  standing,
  reportLink,
}: {
  standing: CampaignStanding;
  reportLink?: (filter: ReportFilter) => string;
}) {
  const api = useApi(alpineAdvisorApiRef);
  const { id } = standing.campaign;
  const { value, loading, error } = useAsync(
    () => api.getCampaign(id),
    [api, id],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return loading ? <Progress /> : null;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <BurnDownChart
          points={value.burnDown}
          startsOn={value.campaign.startsOn}
          deadline={value.campaign.deadline}
        />
        {value.burnDown.length > 0 ? (
          <BurnDownTable progress={value} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No scan recorded since {value.campaign.startsOn} yet.
          </Typography>
        )}
      </Grid>
      <Grid item xs={12} md={6}>
        <OwnersTable progress={value} reportLink={reportLink} />
      </Grid>
    </Grid>
  );
}

function CampaignCard({
  standing,
  reportLink,
}: {
  standing: CampaignStanding;
  reportLink?: (filter: ReportFilter) => string;
}) {
  const { campaign } = standing;
  const affected = plural(standing.affectedCount, 'service');
  return (
    <InfoCard
      title={campaign.title}
      subheader={`${STATE_TEXT[standing.state]} · ${deadlineText(standing)}`}
    >
      <Typography variant="body2" paragraph>
        {conditionText(campaign)}, for {scopeText(campaign)}.{' '}
        {standing.affectedCount > 0 && reportLink ? (
          <Link to={reportLink(affectedFilter(campaign))}>{affected}</Link>
        ) : (
          affected
        )}{' '}
        of {standing.totalCount} still affected.
        {campaign.description ? ` ${campaign.description}` : ''}
      </Typography>
      <CampaignDetail standing={standing} reportLink={reportLink} />
    </InfoCard>
  );
}

/**
 * Campaigns: each one's condition, scope and deadline, its burn-down
 * (services still affected per day, from the stored history) and each
 * owner's progress, over the services the user may read.
 * @public
 */
export function AlpineAdvisorCampaignsContent() {
  const api = useApi(alpineAdvisorApiRef);
  const reportLink = useScopeReportLink();
  const { value, loading, error } = useAsync(() => api.listCampaigns(), [api]);
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return loading ? <Progress /> : null;
  if (value.items.length === 0) {
    return (
      <Typography variant="body1">
        No campaign yet. Platform teams declare them in app-config
        (alpineAdvisor.campaigns) or through the API (POST /campaigns).
      </Typography>
    );
  }
  return (
    <Grid container spacing={3}>
      {value.items.map(standing => (
        <Grid item xs={12} key={standing.campaign.id}>
          <CampaignCard standing={standing} reportLink={reportLink} />
        </Grid>
      ))}
    </Grid>
  );
}
