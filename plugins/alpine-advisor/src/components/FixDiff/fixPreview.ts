import type { Fix } from '../../api/types';

/** The lines a fix changes, before and after, for a diff view. */
export interface FixPreview {
  /** 1-based number of the first line shown. */
  firstLine: number;
  removed: string[];
  added: string[];
}

function offsetInSegment(
  lines: string[],
  firstLine: number,
  line: number,
  column: number,
): number {
  let offset = 0;
  for (let index = firstLine; index < line; index++) {
    offset += (lines[index - 1] ?? '').length + 1;
  }
  return offset + column - 1;
}

function trimUnchangedEdges(preview: FixPreview): FixPreview {
  let { firstLine, removed, added } = preview;
  while (removed.length > 0 && added.length > 0 && removed[0] === added[0]) {
    removed = removed.slice(1);
    added = added.slice(1);
    firstLine += 1;
  }
  while (
    removed.length > 0 &&
    added.length > 0 &&
    removed[removed.length - 1] === added[added.length - 1]
  ) {
    removed = removed.slice(0, -1);
    added = added.slice(0, -1);
  }
  return { firstLine, removed, added };
}

/**
 * Applies a fix's edits to the lines they touch. Edits refer to the original
 * text and never overlap (the analyzer's contract), so applying them from the
 * last to the first keeps every earlier position valid.
 */
export function fixPreview(content: string, fix: Fix): FixPreview | undefined {
  if (fix.edits.length === 0) return undefined;
  const lines = content.split(/\r?\n/);
  const firstLine = Math.min(...fix.edits.map(edit => edit.line));
  const lastLine = Math.min(
    lines.length,
    Math.max(...fix.edits.map(edit => edit.endLine)),
  );
  const removed = lines.slice(firstLine - 1, lastLine);
  let segment = removed.join('\n');
  const edits = [...fix.edits].sort(
    (a, b) => b.line - a.line || b.column - a.column,
  );
  for (const edit of edits) {
    const start = offsetInSegment(lines, firstLine, edit.line, edit.column);
    const end = offsetInSegment(lines, firstLine, edit.endLine, edit.endColumn);
    segment = segment.slice(0, start) + edit.text + segment.slice(end);
  }
  const added = segment === '' ? [] : segment.split('\n');
  return trimUnchangedEdges({ firstLine, removed, added });
}
