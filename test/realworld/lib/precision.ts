/*
 * Precision of the analyzer on real files: a seeded random sample of
 * warning- and error-level findings on Alpine files, matched to hand-written
 * verdicts.
 *
 * Sampling is bottom-k by hash: every eligible finding gets a pseudo-random
 * rank from a hash of the seed and its identity (repo, path, rule, source
 * line hash, occurrence), and the k lowest ranks form the sample. The sample
 * is therefore the same whatever order the files were read in, and when a
 * fix removes some findings the rest of the sample stays in place (only the
 * next-ranked findings move in), so earlier verdicts keep counting.
 */
import { createHash } from 'node:crypto';
import type { CorpusFinding } from './corpus';

export const DEFAULT_SEED = 20261205;
export const DEFAULT_SAMPLE_SIZE = 200;
export const OVERALL_GOAL = 0.97;
export const RULE_GOAL = 0.9;

/** One hand-reviewed finding (test/realworld/verdicts.json). */
export interface Verdict {
  repo: string;
  commit: string;
  path: string;
  line: number;
  rule: string;
  /** lineHash of the finding's first source line; lets a verdict follow a line that moved. */
  hash?: string;
  /** True: a platform engineer would agree it is a real issue worth its severity. */
  verdict: boolean;
  why: string;
}

export interface SampledFinding {
  finding: CorpusFinding;
  rank: string;
  verdict?: Verdict;
}

/** Findings the precision figure is about: warning or error, on Alpine files. */
export function isEligible(finding: CorpusFinding): boolean {
  return (
    finding.alpine &&
    (finding.severity === 'warning' || finding.severity === 'error')
  );
}

function identity(finding: CorpusFinding): string {
  return [finding.repo, finding.path, finding.rule, finding.hash].join(
    '\u0000',
  );
}

/**
 * The seeded sample: the `size` eligible findings of lowest rank, in rank
 * order. Identical findings (same file, rule and source line text) are told
 * apart by their order of occurrence in the file.
 */
export function drawSample(
  findings: readonly CorpusFinding[],
  seed: number = DEFAULT_SEED,
  size: number = DEFAULT_SAMPLE_SIZE,
): SampledFinding[] {
  const occurrences = new Map<string, number>();
  const ordered = [...findings].sort(
    (a, b) =>
      compare(a.repo, b.repo) ||
      compare(a.path, b.path) ||
      a.line - b.line ||
      a.column - b.column ||
      compare(a.rule, b.rule),
  );
  const ranked = ordered.filter(isEligible).map(finding => {
    const key = identity(finding);
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const rank = createHash('sha1')
      .update(`${seed}\u0000${key}\u0000${occurrence}`)
      .digest('hex');
    return { finding, rank };
  });
  ranked.sort((a, b) => compare(a.rank, b.rank));
  return ranked.slice(0, size);
}

/** Plain code-unit order of two strings (stable across locales). */
export function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The verdict for a finding: same repo, path and rule, and the same source
 * line. At the commit the verdict was given on, that is the same line number
 * (and the same content hash when the verdict has one): the same text can sit
 * on several lines of one file. At another commit lines may have moved, so a
 * verdict with a hash follows its text to the nearest line that has it.
 */
export function findVerdict(
  finding: CorpusFinding,
  verdicts: readonly Verdict[],
): Verdict | undefined {
  let best: Verdict | undefined;
  let bestDistance = Infinity;
  for (const verdict of verdicts) {
    if (
      verdict.repo !== finding.repo ||
      verdict.path !== finding.path ||
      verdict.rule !== finding.rule
    ) {
      continue;
    }
    const sameText = !verdict.hash || verdict.hash === finding.hash;
    const sameLine =
      verdict.commit === finding.commit || !verdict.hash
        ? sameText && verdict.line === finding.line
        : sameText;
    if (!sameLine) continue;
    const distance = Math.abs(verdict.line - finding.line);
    if (distance < bestDistance) {
      best = verdict;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Verdicts whose finding the analyzer no longer reports (on repositories of
 * the run): a false one is a fixed false alarm; a true one is a real problem
 * the analyzer stopped finding — a recall regression to look at.
 */
export function vanishedVerdicts(
  findings: readonly CorpusFinding[],
  verdicts: readonly Verdict[],
  repos: ReadonlySet<string>,
): { fixed: Verdict[]; lost: Verdict[] } {
  const byFile = new Map<string, CorpusFinding[]>();
  for (const finding of findings) {
    const key = `${finding.repo}\u0000${finding.path}\u0000${finding.rule}`;
    const list = byFile.get(key) ?? [];
    list.push(finding);
    byFile.set(key, list);
  }
  const fixed: Verdict[] = [];
  const lost: Verdict[] = [];
  for (const verdict of verdicts) {
    if (!repos.has(verdict.repo)) continue;
    const candidates =
      byFile.get(`${verdict.repo}\u0000${verdict.path}\u0000${verdict.rule}`) ??
      [];
    const still = candidates.some(
      finding => findVerdict(finding, [verdict]) !== undefined,
    );
    if (still) continue;
    (verdict.verdict ? lost : fixed).push(verdict);
  }
  return { fixed, lost };
}

export interface PrecisionFigure {
  reviewed: number;
  correct: number;
  precision: number;
}

export interface PrecisionResult {
  sample: SampledFinding[];
  overall: PrecisionFigure;
  byRule: Map<string, PrecisionFigure & { sampled: number }>;
  unreviewed: SampledFinding[];
  /** Problems that make the figure fail its goal; empty when it passes. */
  failures: string[];
}

function figure(reviewed: number, correct: number): PrecisionFigure {
  return {
    reviewed,
    correct,
    precision: reviewed === 0 ? Number.NaN : correct / reviewed,
  };
}

/** Matches the sample to the verdicts and computes precision, overall and per rule. */
export function computePrecision(
  findings: readonly CorpusFinding[],
  verdicts: readonly Verdict[],
  options: {
    seed?: number;
    size?: number;
    overallGoal?: number;
    ruleGoal?: number;
  } = {},
): PrecisionResult {
  const overallGoal = options.overallGoal ?? OVERALL_GOAL;
  const ruleGoal = options.ruleGoal ?? RULE_GOAL;
  const sample = drawSample(findings, options.seed, options.size).map(
    entry => ({ ...entry, verdict: findVerdict(entry.finding, verdicts) }),
  );
  const counts = new Map<
    string,
    { sampled: number; reviewed: number; correct: number }
  >();
  let reviewed = 0;
  let correct = 0;
  for (const entry of sample) {
    const count = counts.get(entry.finding.rule) ?? {
      sampled: 0,
      reviewed: 0,
      correct: 0,
    };
    count.sampled += 1;
    if (entry.verdict) {
      count.reviewed += 1;
      reviewed += 1;
      if (entry.verdict.verdict) {
        count.correct += 1;
        correct += 1;
      }
    }
    counts.set(entry.finding.rule, count);
  }
  const byRule = new Map(
    [...counts.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([rule, count]) => [
        rule,
        { ...figure(count.reviewed, count.correct), sampled: count.sampled },
      ]),
  );
  const overall = figure(reviewed, correct);
  const unreviewed = sample.filter(entry => !entry.verdict);
  const failures: string[] = [];
  if (unreviewed.length > 0) {
    failures.push(`${unreviewed.length} sampled findings have no verdict yet`);
  }
  if (!(overall.precision >= overallGoal)) {
    failures.push(
      `overall precision ${percent(overall.precision)} is under ${percent(
        overallGoal,
      )}`,
    );
  }
  for (const [rule, result] of byRule) {
    if (result.reviewed > 0 && result.precision < ruleGoal) {
      failures.push(
        `${rule}: precision ${percent(result.precision)} is under ${percent(
          ruleGoal,
        )}`,
      );
    }
  }
  return { sample, overall, byRule, unreviewed, failures };
}

export function percent(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)} %`;
}

/** A verdict stub for a sampled finding, to fill in by hand. */
export function verdictStub(finding: CorpusFinding): Omit<
  Verdict,
  'verdict'
> & {
  verdict: boolean | null;
} {
  return {
    repo: finding.repo,
    commit: finding.commit,
    path: finding.path,
    line: finding.line,
    rule: finding.rule,
    hash: finding.hash,
    verdict: null,
    why: '',
  };
}
