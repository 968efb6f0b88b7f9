/** Lines of context shown above and below the offending lines. */
const CONTEXT_LINES = 1;
/** A finding spanning a long RUN shows its first lines only. */
const MAX_MARKED_LINES = 6;
/** Very long lines are cut so one minified line cannot flood the terminal. */
const MAX_LINE_LENGTH = 160;

export interface CodeFrameLine {
  number: number;
  text: string;
  marked: boolean;
}

/**
 * The lines to show for a finding: its lines (up to a cap) with one line of
 * context on each side. Line numbers are 1-based and clipped to the file.
 */
export function codeFrameLines(
  lines: readonly string[],
  line: number,
  endLine: number,
): { frame: CodeFrameLine[]; hiddenMarkedLines: number } {
  const first = Math.max(1, Math.min(line, lines.length));
  const last = Math.max(first, Math.min(endLine, lines.length));
  const lastShownMarked = Math.min(last, first + MAX_MARKED_LINES - 1);
  const from = Math.max(1, first - CONTEXT_LINES);
  const to =
    lastShownMarked < last
      ? lastShownMarked
      : Math.min(lines.length, last + CONTEXT_LINES);
  const frame: CodeFrameLine[] = [];
  for (let number = from; number <= to; number++) {
    frame.push({
      number,
      text: truncate(lines[number - 1] ?? ''),
      marked: number >= first && number <= last,
    });
  }
  return { frame, hiddenMarkedLines: last - lastShownMarked };
}

/** Splits a file into lines the way the analyzer numbers them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function truncate(text: string): string {
  const visible = text.replace(/\t/g, '    ');
  return visible.length > MAX_LINE_LENGTH
    ? `${visible.slice(0, MAX_LINE_LENGTH - 1)}…`
    : visible;
}
