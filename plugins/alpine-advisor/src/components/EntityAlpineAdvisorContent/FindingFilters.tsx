import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Box from '@material-ui/core/Box';
import type { Category, Severity } from '../../api/types';
import { CATEGORY_TITLES } from '../common/CategoryLabel';

export interface FindingFilterValue {
  category?: Category;
  severity?: Severity;
}

const ALL = 'all';

/** Labelled selects that narrow the findings by category and severity. */
export function FindingFilters({
  value,
  onChange,
}: {
  value: FindingFilterValue;
  onChange: (value: FindingFilterValue) => void;
}) {
  return (
    <Box display="flex" gridGap={16} mb={2}>
      <FormControl variant="outlined" size="small" style={{ minWidth: 200 }}>
        <InputLabel id="finding-filter-category">Category</InputLabel>
        <Select
          labelId="finding-filter-category"
          label="Category"
          value={value.category ?? ALL}
          onChange={event => {
            const selected = event.target.value as Category | typeof ALL;
            onChange({
              ...value,
              category: selected === ALL ? undefined : selected,
            });
          }}
        >
          <MenuItem value={ALL}>All categories</MenuItem>
          {(['musl', 'alpine', 'hygiene'] as const).map(category => (
            <MenuItem key={category} value={category}>
              {CATEGORY_TITLES[category]}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
        <InputLabel id="finding-filter-severity">Severity</InputLabel>
        <Select
          labelId="finding-filter-severity"
          label="Severity"
          value={value.severity ?? ALL}
          onChange={event => {
            const selected = event.target.value as Severity | typeof ALL;
            onChange({
              ...value,
              severity: selected === ALL ? undefined : selected,
            });
          }}
        >
          <MenuItem value={ALL}>All severities</MenuItem>
          <MenuItem value="error">Error</MenuItem>
          <MenuItem value="warning">Warning</MenuItem>
          <MenuItem value="info">Info</MenuItem>
        </Select>
      </FormControl>
    </Box>
  );
}
