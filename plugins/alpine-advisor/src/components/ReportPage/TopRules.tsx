import { Link } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { RuleDescription, RuleTally } from '../../api/types';
import { SeverityLabel } from '../common/SeverityLabel';
import { plural } from '../common/plural';

export interface TopRulesProps {
  tallies: RuleTally[];
  ruleById: (id: string) => RuleDescription | undefined;
  ruleDocsLink?: (ruleId: string) => string;
  emptyText: string;
}

/** The rules that fire most, each linking to its docs. */
export function TopRules({
  tallies,
  ruleById,
  ruleDocsLink,
  emptyText,
}: TopRulesProps) {
  if (tallies.length === 0) {
    return <Typography variant="body2">{emptyText}</Typography>;
  }
  return (
    <List dense>
      {tallies.map(tally => {
        const title = ruleById(tally.ruleId)?.title ?? tally.ruleId;
        return (
          <ListItem key={tally.ruleId} disableGutters>
            <ListItemText
              primary={
                <>
                  <SeverityLabel severity={tally.severity} />{' '}
                  {ruleDocsLink ? (
                    <Link to={ruleDocsLink(tally.ruleId)}>{title}</Link>
                  ) : (
                    title
                  )}
                </>
              }
              secondary={`${plural(tally.entityCount, 'service')} · ${plural(
                tally.findingCount,
                'finding',
              )} · ${tally.category}`}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
