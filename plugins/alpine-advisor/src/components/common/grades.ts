import type { Grade } from '../../api/types';

/** Grades from best to worst, the order every chart and filter uses. */
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** What each grade means in words, so that status never relies on colour. */
export const GRADE_MEANINGS: Record<Grade, string> = {
  A: 'excellent',
  B: 'good',
  C: 'needs work',
  D: 'poor',
  F: 'failing',
};

/** Colours chosen to stay distinguishable in light and dark themes. */
export const GRADE_COLOURS: Record<Grade, string> = {
  A: '#1b7f3b',
  B: '#5a9e2f',
  C: '#b88a00',
  D: '#c75b12',
  F: '#c62828',
};
