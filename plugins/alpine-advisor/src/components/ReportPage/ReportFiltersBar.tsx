import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { ReportQuery, RuleDescription } from '../../api/types';
import { CATEGORY_TITLES } from '../common/CategoryLabel';
import { GRADES } from '../common/grades';
import type { ListFilter } from './reportQuery';
import type { FilterOptions } from './useFilterOptions';

interface MultiFilterProps {
  label: string;
  values: string[];
  options: string[];
  optionLabel?: (value: string) => string;
  onChange: (values: string[]) => void;
}

function MultiFilter({
  label,
  values,
  options,
  optionLabel,
  onChange,
}: MultiFilterProps) {
  return (
    <Autocomplete
      multiple
      size="small"
      options={options}
      value={values}
      getOptionLabel={optionLabel ?? (value => value)}
      onChange={(_event, next) => onChange(next)}
      style={{ minWidth: 220 }}
      renderInput={params => (
        <TextField {...params} variant="outlined" label={label} />
      )}
    />
  );
}

export interface ReportFiltersBarProps {
  query: ReportQuery;
  options: FilterOptions;
  rules: RuleDescription[];
  onChange: (change: Partial<ReportQuery>) => void;
}

/** Every filter of the report, labelled, keyboard-usable, reflected in the URL. */
export function ReportFiltersBar({
  query,
  options,
  rules,
  onChange,
}: ReportFiltersBarProps) {
  const list = (key: ListFilter) => (query[key] as string[] | undefined) ?? [];
  const set = (key: ListFilter) => (values: string[]) =>
    onChange({
      [key]: values.length > 0 ? values : undefined,
    } as Partial<ReportQuery>);
  const ruleTitles = new Map(rules.map(rule => [rule.id, rule.title]));
  const staleValue = query.stale === undefined ? 'any' : String(query.stale);
  const suppressedValue =
    query.suppressed === undefined ? 'any' : String(query.suppressed);

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={12}
      mb={2}
      role="search"
      aria-label="Report filters"
    >
      <MultiFilter
        label="Owner"
        values={list('owner')}
        options={options.owner}
        onChange={set('owner')}
      />
      <MultiFilter
        label="System"
        values={list('system')}
        options={options.system}
        onChange={set('system')}
      />
      <MultiFilter
        label="Domain"
        values={list('domain')}
        options={options.domain}
        onChange={set('domain')}
      />
      <MultiFilter
        label="Lifecycle"
        values={list('lifecycle')}
        options={options.lifecycle}
        onChange={set('lifecycle')}
      />
      <MultiFilter
        label="Grade"
        values={list('grade')}
        options={[...GRADES]}
        onChange={set('grade')}
      />
      <MultiFilter
        label="Category"
        values={list('category')}
        options={['musl', 'alpine', 'hygiene']}
        optionLabel={value =>
          CATEGORY_TITLES[value as keyof typeof CATEGORY_TITLES] ?? value
        }
        onChange={set('category')}
      />
      <MultiFilter
        label="Severity"
        values={list('severity')}
        options={['error', 'warning', 'info']}
        onChange={set('severity')}
      />
      <MultiFilter
        label="Rule"
        values={list('rule')}
        options={rules.map(rule => rule.id)}
        optionLabel={id => ruleTitles.get(id) ?? id}
        onChange={set('rule')}
      />
      <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
        <InputLabel id="report-filter-stale">Freshness</InputLabel>
        <Select
          labelId="report-filter-stale"
          label="Freshness"
          value={staleValue}
          onChange={event => {
            const value = event.target.value as string;
            onChange({ stale: value === 'any' ? undefined : value === 'true' });
          }}
        >
          <MenuItem value="any">Any scan</MenuItem>
          <MenuItem value="true">Stale only</MenuItem>
          <MenuItem value="false">Fresh only</MenuItem>
        </Select>
      </FormControl>
      <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
        <InputLabel id="report-filter-suppressed">Suppressions</InputLabel>
        <Select
          labelId="report-filter-suppressed"
          label="Suppressions"
          value={suppressedValue}
          onChange={event => {
            const value = event.target.value as string;
            onChange({
              suppressed: value === 'any' ? undefined : value === 'true',
            });
          }}
        >
          <MenuItem value="any">Any</MenuItem>
          <MenuItem value="true">Silencing findings</MenuItem>
          <MenuItem value="false">Silencing none</MenuItem>
        </Select>
      </FormControl>
      <TextField
        id="alpine-advisor-report-search"
        size="small"
        variant="outlined"
        label="Search services"
        defaultValue={query.search ?? ''}
        onKeyDown={event => {
          if (event.key === 'Enter') {
            const value = (event.target as HTMLInputElement).value.trim();
            onChange({ search: value || undefined });
          }
        }}
      />
      <Button
        size="small"
        onClick={() =>
          onChange({
            owner: undefined,
            system: undefined,
            domain: undefined,
            lifecycle: undefined,
            grade: undefined,
            category: undefined,
            rule: undefined,
            severity: undefined,
            stale: undefined,
            suppressed: undefined,
            compliant: undefined,
            search: undefined,
          })
        }
      >
        Clear filters
      </Button>
    </Box>
  );
}
