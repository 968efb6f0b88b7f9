/**
 * Puts a rule reference into the one spelling used for comparisons, so that
 * `DL3019`, `hadolint:dl3019` and `hadolint:DL3019` are the same rule, and
 * Trivy's three generations of ids (`DS025`, `AVD-DS-0025`, `DS-0025`) all
 * become `trivy:DS-0025`. Our own ids are kebab-case; case is not significant.
 */
export function normalizeRuleReference(reference: string): string {
  const trimmed = reference.trim();
  const hadolint = /^(?:hadolint:)?((?:DL|SC)\d{4})$/i.exec(trimmed);
  if (hadolint) return `hadolint:${hadolint[1].toUpperCase()}`;
  const trivy = /^(?:trivy:)?(?:AVD-)?DS-?(\d{1,4})$/i.exec(trimmed);
  if (trivy) return `trivy:DS-${trivy[1].padStart(4, '0')}`;
  return trimmed.toLowerCase();
}
