import type { Category, Grade, Severity } from '../types';

/**
 * Points the first finding of a rule costs, by severity and category (see
 * docs/scoring.md). musl outranks alpine outranks hygiene at each severity,
 * so generic advice never weighs more than the risks this tool exists for.
 */
export const FIRST_FINDING_POINTS: Record<
  Severity,
  Record<Category, number>
> = {
  error: { musl: 30, alpine: 25, hygiene: 20 },
  warning: { musl: 15, alpine: 12, hygiene: 6 },
  info: { musl: 1, alpine: 1, hygiene: 1 },
};

/** Each further finding of the same rule costs this fraction of the one before. */
export const REPEAT_FACTOR = 0.5;

/** All info findings of a file together cost at most this many points. */
export const INFO_BUDGET = 5;

/** The best score a file with a breaking (`error`) finding can get: grade C at most. */
export const BREAKING_CAP = 79;

/** The best score a file the analyzer could not read can get: grade F. */
export const UNANALYSABLE_CAP = 59;

/**
 * Findings that mean the file was not (fully) analysed: it cannot earn a good
 * grade by being unreadable.
 */
export const UNANALYSABLE_RULE_IDS: ReadonlySet<string> = new Set([
  'parse-error',
  'file-too-large',
  'binary-content',
]);

/** Weight of the worst file in a service score; the mean of all files has the rest. */
export const SERVICE_WORST_FILE_WEIGHT = 0.5;

/** Lowest score of each grade, best first. */
export const GRADE_THRESHOLDS: ReadonlyArray<readonly [Grade, number]> = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
  ['F', 0],
];
