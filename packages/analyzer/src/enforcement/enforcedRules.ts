import type { Finding, SuppressionAttempt } from '../types';
import { normalizeRuleReference } from '../suppressions/ruleReference';

/**
 * The rules an organisation enforces, in the one spelling used for
 * comparisons: a rule is enforced when its id or any alias of its finding is
 * listed (`hadolint:DL3019` enforces `apk-no-cache`).
 */
export class EnforcedRules {
  private readonly references: ReadonlySet<string>;

  constructor(ruleReferences: readonly string[] = []) {
    this.references = new Set(
      ruleReferences
        .map(normalizeRuleReference)
        .filter(reference => reference.length > 0),
    );
  }

  get size(): number {
    return this.references.size;
  }

  /** Whether a rule known by these names (its id, then its aliases) is enforced. */
  covers(names: readonly string[]): boolean {
    if (this.references.size === 0) return false;
    return names.some(name =>
      this.references.has(normalizeRuleReference(name)),
    );
  }

  coversFinding(finding: Finding): boolean {
    return this.covers([finding.ruleId, ...(finding.aliases ?? [])]);
  }
}

/** The finding marked enforced, with one more attempt to silence it recorded. */
export function withAttempt(
  finding: Finding,
  attempt?: SuppressionAttempt,
): Finding {
  if (!attempt)
    return finding.enforced ? finding : { ...finding, enforced: true };
  return {
    ...finding,
    enforced: true,
    suppressionAttempts: [...(finding.suppressionAttempts ?? []), attempt],
  };
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

/** Whether `requested` would make a finding of `severity` less severe (or drop it). */
export function isDowngrade(
  severity: Finding['severity'],
  requested: Finding['severity'] | 'off',
): boolean {
  return requested === 'off' || RANK[requested] < RANK[severity];
}
