import type {
  CompliancePolicy,
  EntitySummary,
} from '@alpine-advisor/backstage-plugin-common';
import type { ReportTerms } from '../../database/ReportStore';

/** A letter grade as the API reports it. */
export type Grade = NonNullable<EntitySummary['grade']>;

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

/** What the store's queries need of the policy: plain values, no policy. */
export function reportTerms(policy: CompliancePolicy): ReportTerms {
  return {
    grades: GRADES,
    compliantGrades: compliantGrades(policy),
    allowMuslErrors: policy.allowMuslErrors,
  };
}

/** Whether an entity's standing meets the policy. */
export function isCompliant(
  policy: CompliancePolicy,
  standing: {
    score: number | null;
    grade: Grade | null;
    muslErrorCount: number;
  },
): boolean {
  return (
    standing.score !== null &&
    standing.grade !== null &&
    compliantGrades(policy).includes(standing.grade) &&
    (policy.allowMuslErrors || standing.muslErrorCount === 0)
  );
}
