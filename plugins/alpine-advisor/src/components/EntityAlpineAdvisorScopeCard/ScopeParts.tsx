import { Link, StatusOK, StatusWarning } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, YAxis } from 'recharts';
import type {
  EntitySummary,
  OrgHistoryPoint,
  ReportFilter,
  ScopeSummary,
} from '../../api/types';
import { useOptionalRouteRef } from '../../hooks/useOptionalRouteRef';
import { rootRouteRef } from '../../routes';
import { GradeBadge } from '../common/GradeBadge';
import { plural } from '../common/plural';
import { writeReportQuery } from '../ReportPage/reportQuery';

/** What the scope's services are called, by the scope's kind. */
export const SCOPE_NOUNS: Record<ScopeSummary['kind'], string> = {
  group: 'team',
  system: 'system',
  domain: 'domain',
};

/**
 * Links into the org report filtered to the scope (and more), or undefined
 * in an app without the plugin's page.
 */
export function useScopeReportLink():
  | ((filter: ReportFilter) => string)
  | undefined {
  const rootLink = useOptionalRouteRef(rootRouteRef);
  if (!rootLink) return undefined;
  const root = rootLink();
  return filter => {
    const params = writeReportQuery(filter).toString();
    return params ? `${root}?${params}` : root;
  };
}

/** The trend in words, so that the sparkline is never the only carrier. */
export function scopeTrendSentence(points: OrgHistoryPoint[]): string {
  if (points.length < 2) return 'No trend yet: one scan day so far.';
  const first = points[0];
  const last = points[points.length - 1];
  const share = (point: OrgHistoryPoint) =>
    Math.round(point.compliantShare * 100);
  const change = Math.round(last.averageScore - first.averageScore);
  let direction = 'unchanged';
  if (change > 0) direction = `up ${change}`;
  if (change < 0) direction = `down ${-change}`;
  return (
    `Average score ${direction} since ${first.day} ` +
    `(${Math.round(first.averageScore)} → ${Math.round(
      last.averageScore,
    )}); compliant ${share(first)}% → ${share(last)}%.`
  );
}

/** A small line of the daily average score. */
export function ScopeTrendSparkline({ points }: { points: OrgHistoryPoint[] }) {
  const theme = useTheme();
  const sentence = scopeTrendSentence(points);
  if (points.length < 2) {
    return (
      <Typography variant="caption" color="textSecondary">
        {sentence}
      </Typography>
    );
  }
  return (
    <span role="img" aria-label={sentence} title={sentence}>
      <LineChart width={140} height={36} data={points}>
        <YAxis hide domain={[0, 100]} />
        <Line
          type="monotone"
          dataKey="averageScore"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}

/** Compliance with the policy and breaking musl risks, each linking to the services behind it. */
export function ScopeStanding({
  summary,
  reportLink,
}: {
  summary: ScopeSummary;
  reportLink?: (filter: ReportFilter) => string;
}) {
  const { summary: figures, filter } = summary;
  const below = figures.scoredCount - figures.compliantCount;
  const musl = figures.muslBreakingRisks.entityCount;
  const linked = (text: string, more: ReportFilter) =>
    reportLink ? (
      <Link to={reportLink({ ...filter, ...more })}>{text}</Link>
    ) : (
      text
    );
  return (
    <Box>
      {below === 0 ? (
        <StatusOK>
          All {plural(figures.scoredCount, 'scored service')} meet the policy
        </StatusOK>
      ) : (
        <>
          <StatusWarning>
            {figures.compliantCount} of {figures.scoredCount} meet the policy
          </StatusWarning>{' '}
          <Typography variant="body2" component="span">
            {linked(`${below} below`, { compliant: false })}
          </Typography>
        </>
      )}
      <Typography variant="caption" display="block" color="textSecondary">
        Policy: {figures.policy.description}
      </Typography>
      <Typography
        variant="body2"
        color={musl > 0 ? 'error' : 'textPrimary'}
        aria-label="Breaking musl risks"
      >
        {musl === 0
          ? 'No breaking musl risks'
          : linked(`${plural(musl, 'service')} with breaking musl risks`, {
              category: ['musl'],
              severity: ['error'],
            })}
      </Typography>
    </Box>
  );
}

/** The lowest-scored services, lowest first, each linking to its entity page. */
export function WorstServices({ services }: { services: EntitySummary[] }) {
  if (services.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No scored services yet.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Worst services" disablePadding>
      {services.map(service => (
        <ListItem key={service.entityRef} disableGutters>
          <Box display="flex" alignItems="center" gridGap={8}>
            {service.grade && (
              <GradeBadge
                grade={service.grade}
                score={service.score ?? undefined}
              />
            )}
            <EntityRefLink
              entityRef={service.entityRef}
              title={service.title ?? service.name}
            />
            <Typography variant="caption" color="textSecondary">
              {service.score} / 100
              {service.muslErrorCount > 0 &&
                ` · ${plural(service.muslErrorCount, 'breaking musl risk')}`}
            </Typography>
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
