import type { RuleMeta } from '@alpine-advisor/analyzer';

/**
 * Where the rules' docs are published. Forks and mirrors pass `--docs-url`
 * (or set ALPINE_ADVISOR_DOCS_URL) so links point at their own copy.
 */
export const DEFAULT_DOCS_BASE_URL =
  'https://github.com/alpine-advisor/alpine-advisor/blob/main';

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
