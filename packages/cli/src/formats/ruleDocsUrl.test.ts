import fs from 'node:fs';
import path from 'node:path';
import { listRules } from '@alpine-advisor/analyzer';
import { PLACEHOLDER_DOCS_BASE_URL, ruleDocsUrl } from './ruleDocsUrl';

const repositoryRoot = path.resolve(__dirname, '..', '..', '..', '..');

describe('ruleDocsUrl', () => {
  it('points every rule at a docs file that exists in the repository', () => {
    const rules = listRules();
    expect(rules.length).toBeGreaterThan(0);
    const missing = rules
      .map(rule =>
        ruleDocsUrl(rule, PLACEHOLDER_DOCS_BASE_URL).slice(
          PLACEHOLDER_DOCS_BASE_URL.length + 1,
        ),
      )
      .filter(
        relative =>
          !fs.existsSync(
            path.join(repositoryRoot, decodeURIComponent(relative)),
          ),
      );
    expect(missing).toEqual([]);
  });

  it('joins a base URL with or without a trailing slash', () => {
    const rule = { id: 'apk-no-cache', category: 'alpine' as const };
    expect(ruleDocsUrl(rule, 'https://example.com/repo/')).toBe(
      'https://example.com/repo/packages/analyzer/src/rules/alpine/apk-no-cache/docs.md',
    );
    expect(ruleDocsUrl(rule, 'https://example.com/repo')).toBe(
      ruleDocsUrl(rule, 'https://example.com/repo/'),
    );
  });
});
