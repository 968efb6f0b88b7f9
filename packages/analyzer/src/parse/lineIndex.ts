/** 0-based position as dockerfile-ast (LSP) reports it. */
export interface LspPosition {
  line: number;
  character: number;
}

/**
 * Converts between offsets and positions. Line breaks are `\r\n`, `\n` or a
 * lone `\r`, as in dockerfile-ast's TextDocument, so both agree on lines.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (code === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of a 0-based LSP position. */
  offsetAt(position: LspPosition): number {
    const start = this.starts[Math.min(position.line, this.starts.length - 1)];
    return Math.min(start + position.character, this.text.length);
  }

  /** 1-based line and column of an offset. */
  positionAt(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low] + 1 };
  }

  /**
   * The offset of a 1-based line and column (UTF-16 code units), or undefined
   * when the position is not in the text. A column may point just past the
   * line's last character (to append to the line), but not into or beyond its
   * line break: what fixes need, where `offsetAt` clamps for the parser.
   */
  strictOffsetOf(line: number, column: number): number | undefined {
    if (!Number.isInteger(line) || !Number.isInteger(column)) return undefined;
    if (line < 1 || line > this.starts.length || column < 1) return undefined;
    const offset = this.starts[line - 1] + column - 1;
    return offset <= this.lineEnd(line) ? offset : undefined;
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }

  /** Offset where a 1-based line ends, before its line break. */
  lineEnd(line: number): number {
    const next =
      line < this.starts.length ? this.starts[line] : this.text.length + 1;
    let end = Math.min(next, this.text.length + 1) - 1;
    if (line < this.starts.length) {
      if (this.text[end] === '\n') end--;
      if (this.text[end] === '\r') end--;
      end++;
    } else {
      end = this.text.length;
    }
    return end;
  }
}
