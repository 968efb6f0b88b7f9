import type { Finding, FindingWaiver } from '../types';
import { normalizeRuleReference } from '../suppressions/ruleReference';
import type { EnforcedRules } from '../enforcement/enforcedRules';
import { fingerprintOf, lineTable } from './findingFingerprint';

/**
 * Marks the findings that valid waivers cover: a waiver names a rule (by id
 * or alias) and optionally one finding by its fingerprint, and applies until
 * its `expiresAt` (exclusive). A waived finding stays in the report, marked,
 * and no longer costs points (see `report` in analyze.ts). Enforced rules
 * cannot be waived: their findings stay unmarked.
 */
export function applyWaivers(
  findings: Finding[],
  waivers: readonly FindingWaiver[] | undefined,
  path: string,
  text: string,
  now: Date,
  enforced: EnforcedRules,
): Finding[] {
  if (!waivers || waivers.length === 0 || findings.length === 0) {
    return findings;
  }
  const valid = waivers
    .filter(waiver => isValid(waiver, now))
    .map(waiver => ({
      waiver,
      rule: normalizeRuleReference(waiver.ruleId),
    }));
  if (valid.length === 0) return findings;
  let lines: string[] | undefined;
  return findings.map(finding => {
    if (enforced.coversFinding(finding)) return finding;
    const names = new Set(
      [finding.ruleId, ...(finding.aliases ?? [])].map(normalizeRuleReference),
    );
    let fingerprint: string | undefined;
    const match = valid.find(({ waiver, rule }) => {
      if (!names.has(rule)) return false;
      if (!waiver.fingerprint) return true;
      lines ??= lineTable(text);
      fingerprint ??= fingerprintOf(path, finding, lines);
      return waiver.fingerprint === fingerprint;
    });
    if (!match) return finding;
    return {
      ...finding,
      waived: {
        waiverId: match.waiver.id,
        expiresAt: match.waiver.expiresAt,
      },
    };
  });
}

/** Every finding with its fingerprint (`AnalyzeOptions.fingerprints`). */
export function withFingerprints(
  findings: Finding[],
  path: string,
  text: string,
): Finding[] {
  if (findings.length === 0) return findings;
  const lines = lineTable(text);
  return findings.map(finding => ({
    ...finding,
    fingerprint: fingerprintOf(path, finding, lines),
  }));
}

function isValid(waiver: FindingWaiver, now: Date): boolean {
  const expiresAt = Date.parse(waiver.expiresAt);
  return !Number.isNaN(expiresAt) && expiresAt > now.getTime();
}
