import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * A git-style unified diff of one file (`--- a/path`, `+++ b/path`, three
 * lines of context) that `git apply` accepts; empty when nothing changed.
 */
export function unifiedDiff(
  displayPath: string,
  before: string,
  after: string,
): string {
  if (before === after) return '';
  const gitPath = displayPath.replace(/\\/g, '/').replace(/^\.?\//, '');
  return createTwoFilesPatch(
    `a/${gitPath}`,
    `b/${gitPath}`,
    before,
    after,
    undefined,
    undefined,
    { context: 3, headerOptions: FILE_HEADERS_ONLY },
  );
}
