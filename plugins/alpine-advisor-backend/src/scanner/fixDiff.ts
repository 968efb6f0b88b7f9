import { applyFixes, unifiedDiff } from '@alpine-advisor/analyzer';
import type { Fix } from '@alpine-advisor/analyzer';

/**
 * One finding's fix applied to the file, as a unified diff: what
 * `alpine-advisor --fix-dry-run` prints for that fix alone. Undefined when the
 * fix does not apply to the text (edits outside it) or changes nothing.
 */
export function fixDiff(
  path: string,
  content: string,
  fix: Fix,
): string | undefined {
  const result = applyFixes(content, [fix]);
  if (result.applied.length === 0) {
    return undefined;
  }
  return unifiedDiff(path, content, result.output) || undefined;
}
