import Chip from '@material-ui/core/Chip';
import type { Category } from '../../api/types';

export const CATEGORY_TITLES: Record<Category, string> = {
  musl: 'musl libc',
  alpine: 'Alpine practice',
  hygiene: 'Dockerfile hygiene',
};

export function CategoryLabel({ category }: { category: Category }) {
  return (
    <Chip
      size="small"
      variant="outlined"
      label={CATEGORY_TITLES[category]}
      style={{ margin: 0 }}
    />
  );
}
