import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * A git-style unified diff of one file (`--- a/path`, `+++ b/path`, three
 * lines of context), or the empty string when nothing changed: what
 * `--fix-dry-run` prints and a reviewer can pipe into `git apply`.
 * @public
 */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
): string {
  if (before === after) return '';
  const displayPath = path.replace(/\\/g, '/').replace(/^\.?\//, '');
  return createTwoFilesPatch(
    `a/${displayPath}`,
    `b/${displayPath}`,
    before,
    after,
    undefined,
    undefined,
    { context: 3, headerOptions: FILE_HEADERS_ONLY },
  );
}
