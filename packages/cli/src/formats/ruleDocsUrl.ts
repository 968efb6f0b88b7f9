import type { RuleMeta } from '@alpine-advisor/analyzer';

/**
 * The base URL rule-doc links use when neither `--docs-url` nor
 * ALPINE_ADVISOR_DOCS_URL names one. Alpine Advisor has no public home to
 * point at yet, so this is a placeholder on the reserved `.invalid` domain
 * (RFC 2606), which no one can mistake for a real page: set `--docs-url` to
 * where your copy of this repository is browsable (e.g.
 * `https://github.com/acme/alpine-advisor/blob/main`) and links resolve to
 * each rule's docs.md. SARIF keeps a helpUri either way (its rules carry the
 * full docs in `help.markdown` too); Markdown links only a configured URL.
 */
export const PLACEHOLDER_DOCS_BASE_URL =
  'https://alpine-advisor.invalid/set-docs-url';

/** True when no docs URL was configured. */
export function isPlaceholderDocsUrl(docsBaseUrl: string): boolean {
  return docsBaseUrl === PLACEHOLDER_DOCS_BASE_URL;
}

/** The rule docs live beside each rule's check, one folder per rule. */
export function ruleDocsUrl(
  rule: Pick<RuleMeta, 'id' | 'category'>,
  docsBaseUrl: string,
): string {
  const base = docsBaseUrl.replace(/\/+$/, '');
  return `${base}/packages/analyzer/src/rules/${
    rule.category
  }/${encodeURIComponent(rule.id)}/docs.md`;
}

/** The generated index of every rule. */
export function ruleIndexUrl(docsBaseUrl: string): string {
  return `${docsBaseUrl.replace(/\/+$/, '')}/packages/analyzer/docs/rules.md`;
}
