/**
 * Maps 1-based line/column positions to string offsets. Columns count UTF-16
 * code units, like the LSP positions `dockerfile-ast` reports, and line breaks
 * are `\r\n`, `\n` or a lone `\r`, as in the LSP text document model, so that
 * ranges taken from the parser land on the same characters here.
 */
export interface LineIndex {
  /** Offset of the first character of each line; index 0 is line 1. */
  lineStarts: number[];
  /** Offset just past each line's content, before its line break. */
  lineEnds: number[];
}

export function buildLineIndex(text: string): LineIndex {
  const lineStarts = [0];
  const lineEnds: number[] = [];
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code !== 10 && code !== 13) continue;
    lineEnds.push(offset);
    if (code === 13 && text.charCodeAt(offset + 1) === 10) offset++;
    lineStarts.push(offset + 1);
  }
  lineEnds.push(text.length);
  return { lineStarts, lineEnds };
}

/**
 * The string offset of a position, or undefined when the position is not in
 * the text. A column may point just past the line's last character (to append
 * to the line), but not into or beyond its line break.
 */
export function offsetAt(
  index: LineIndex,
  line: number,
  column: number,
): number | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(column)) return undefined;
  if (line < 1 || line > index.lineStarts.length || column < 1)
    return undefined;
  const offset = index.lineStarts[line - 1] + column - 1;
  return offset <= index.lineEnds[line - 1] ? offset : undefined;
}
