/**
 * The rule docs without their leading `# title` heading: the catalog already
 * shows the rule's title, and a second top-level heading would break the
 * page's outline.
 */
export function ruleDocsBody(docs: string): string {
  return docs.replace(/^\s*#\s[^\n]*\n+/, '');
}
