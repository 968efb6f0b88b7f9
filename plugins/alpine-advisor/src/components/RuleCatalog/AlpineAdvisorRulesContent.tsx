import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { Category, RuleDescription } from '../../api/types';
import { useRules } from '../../hooks/useRules';
import { CATEGORY_TITLES } from '../common/CategoryLabel';
import { RuleDocs } from './RuleDocs';

const CATEGORY_ORDER: Category[] = ['musl', 'alpine', 'hygiene'];

function matches(rule: RuleDescription, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase('en-US');
  if (!needle) return true;
  return [rule.id, rule.title, ...rule.aliases].some(value =>
    value.toLocaleLowerCase('en-US').includes(needle),
  );
}

/** The rule named in the URL fragment (`#apk-no-cache`), if any. */
function useLinkedRuleId(): string | undefined {
  const { hash } = useLocation();
  return hash ? decodeURIComponent(hash.slice(1)) : undefined;
}

/** Brings the linked rule into view once the docs are rendered. */
function useScrollTo(ruleId: string | undefined, ready: boolean) {
  useEffect(() => {
    if (!ready || !ruleId) return;
    document.getElementById(ruleId)?.scrollIntoView?.({ block: 'start' });
  }, [ready, ruleId]);
}

/**
 * Every rule's docs with bad and good examples, grouped by category.
 * @public
 */
export function AlpineAdvisorRulesContent() {
  const { rules, loading, error } = useRules();
  const [search, setSearch] = useState('');
  const linkedRuleId = useLinkedRuleId();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  useScrollTo(linkedRuleId, rules.length > 0);

  // A linked rule opens by itself, so that a link from a finding lands on its docs.
  useEffect(() => {
    if (linkedRuleId)
      setExpanded(previous => new Set(previous).add(linkedRuleId));
  }, [linkedRuleId]);
  const isExpanded = (id: string) => expanded.has(id);
  const toggle = (id: string) => (open: boolean) =>
    setExpanded(previous => {
      const next = new Set(previous);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;

  const shown = rules.filter(rule => matches(rule, search));
  return (
    <>
      <Box mb={2}>
        <TextField
          id="alpine-advisor-rule-search"
          variant="outlined"
          size="small"
          label="Find a rule (id, title or alias such as DL3019)"
          value={search}
          onChange={event => setSearch(event.target.value)}
          style={{ minWidth: 360 }}
        />
      </Box>
      {shown.length === 0 && (
        <Typography>No rule matches “{search}”.</Typography>
      )}
      {CATEGORY_ORDER.map(category => {
        const inCategory = shown.filter(rule => rule.category === category);
        if (inCategory.length === 0) return null;
        return (
          <Box key={category} mb={3}>
            <InfoCard
              title={`${CATEGORY_TITLES[category]} (${inCategory.length})`}
            >
              {inCategory.map(rule => (
                <RuleDocs
                  key={rule.id}
                  rule={rule}
                  expanded={isExpanded(rule.id)}
                  onToggle={toggle(rule.id)}
                />
              ))}
            </InfoCard>
          </Box>
        );
      })}
    </>
  );
}
