import type { Grade } from '@alpine-advisor/analyzer';
import type { CompliancePolicy } from '@alpine-advisor/backstage-plugin-common';

/** Best first. */
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** Grades that meet the policy's minimum, e.g. B → [A, B]. */
export function compliantGrades(policy: CompliancePolicy): Grade[] {
  return GRADES.slice(0, GRADES.indexOf(policy.minimumGrade) + 1);
}

export function createCompliancePolicy(options: {
  minimumGrade?: Grade;
  allowMuslErrors?: boolean;
}): CompliancePolicy {
  const minimumGrade = options.minimumGrade ?? 'B';
  const allowMuslErrors = options.allowMuslErrors ?? false;
  const gradePart =
    minimumGrade === 'A' ? 'grade A' : `grade ${minimumGrade} or better`;
  return {
    minimumGrade,
    allowMuslErrors,
    description: allowMuslErrors
      ? gradePart
      : `${gradePart} and no error-severity musl finding`,
  };
}
