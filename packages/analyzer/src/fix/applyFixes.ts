import type { Fix } from '../types';
import { LineIndex } from '../parse/lineIndex';

/** The outcome of applying fixes to one file. @public */
export interface FixResult {
  output: string;
  /** Fixes whose edits are all in `output`, in the order given. */
  applied: Fix[];
  /** Fixes left out because they overlap an accepted fix or point outside the text. */
  skipped: Fix[];
}

/** An edit resolved to offsets in the original text. */
interface ResolvedEdit {
  start: number;
  end: number;
  text: string;
  /** Acceptance order, to keep insertions at one point stable. */
  order: number;
}

/**
 * Applies fixes to `content`. Every edit refers to the original text, so
 * fixes are checked against each other rather than applied one after the
 * other: the first fix to claim a range wins, a later fix touching that range
 * is skipped whole, and a fix whose edits are invalid or overlap each other is
 * skipped too. Skipped fixes are not lost: analysing the output again offers
 * them afresh, on text where they no longer collide.
 * @public
 */
export function applyFixes(content: string, fixes: Fix[]): FixResult {
  const index = new LineIndex(content);
  const accepted: ResolvedEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const edits = resolveFix(index, fix, accepted.length);
    if (
      !edits ||
      edits.some(edit => accepted.some(other => overlaps(edit, other)))
    ) {
      skipped.push(fix);
      continue;
    }
    accepted.push(...edits);
    applied.push(fix);
  }
  return { output: splice(content, accepted), applied, skipped };
}

function resolveFix(
  index: LineIndex,
  fix: Fix,
  firstOrder: number,
): ResolvedEdit[] | undefined {
  if (!fix || !Array.isArray(fix.edits) || fix.edits.length === 0)
    return undefined;
  const edits: ResolvedEdit[] = [];
  for (const edit of fix.edits) {
    const start = index.strictOffsetOf(edit.line, edit.column);
    const end = index.strictOffsetOf(edit.endLine, edit.endColumn);
    if (start === undefined || end === undefined || end < start)
      return undefined;
    if (typeof edit.text !== 'string') return undefined;
    const resolved = {
      start,
      end,
      text: edit.text,
      order: firstOrder + edits.length,
    };
    // The edits of one fix must be applicable together, or not at all.
    if (edits.some(other => overlaps(resolved, other))) return undefined;
    edits.push(resolved);
  }
  return edits;
}

/**
 * Two edits collide when their replaced ranges share a character, when an
 * insertion falls strictly inside a replaced range, or when two insertions
 * target the same point (their order would be a guess). Ranges that only
 * touch do not collide.
 */
function overlaps(a: ResolvedEdit, b: ResolvedEdit): boolean {
  const aIsInsertion = a.start === a.end;
  const bIsInsertion = b.start === b.end;
  if (aIsInsertion && bIsInsertion) return a.start === b.start;
  if (aIsInsertion) return b.start < a.start && a.start < b.end;
  if (bIsInsertion) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function splice(content: string, edits: ResolvedEdit[]): string {
  if (edits.length === 0) return content;
  // An insertion sorts before a replacement starting at the same offset.
  const ordered = [...edits].sort(
    (a, b) => a.start - b.start || a.end - b.end || a.order - b.order,
  );
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of ordered) {
    parts.push(content.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(content.slice(cursor));
  return parts.join('');
}
