import type { Grade } from '../types';
import { GRADE_THRESHOLDS } from './weights';

/** The letter grade of a 0–100 score: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F. @public */
export function gradeFor(score: number): Grade {
  for (const [grade, threshold] of GRADE_THRESHOLDS) {
    if (score >= threshold) return grade;
  }
  return 'F';
}
