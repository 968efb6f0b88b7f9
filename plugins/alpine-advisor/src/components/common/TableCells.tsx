import TableCell, { TableCellProps } from '@material-ui/core/TableCell';
import type { CSSProperties } from 'react';

/*
 * Backstage's theme lets every table cell break words anywhere
 * (`word-break: break-word` on MuiTableCell), so where a column gets narrow,
 * as in the report at 1440 px, headers and names split mid-word ("Grad e",
 * "Payment s"). The plugin's tables use these cells instead: headers on one
 * line, cells wrapping between words only; a table wider than its card
 * scrolls inside it. Inline styles, so that no style sheet order can undo it.
 */
const WHOLE_WORDS: CSSProperties = {
  wordBreak: 'normal',
  overflowWrap: 'normal',
};

/** A header cell: one line, never split mid-word. */
export function HeadCell({ style, ...props }: TableCellProps) {
  return (
    <TableCell
      {...props}
      style={{ ...WHOLE_WORDS, whiteSpace: 'nowrap', ...style }}
    />
  );
}

/** A body cell wrapping between words only; `nowrap` keeps a short value (grade, score, date) on one line. */
export function BodyCell({
  style,
  nowrap,
  ...props
}: TableCellProps & { nowrap?: boolean }) {
  return (
    <TableCell
      {...props}
      style={{
        ...WHOLE_WORDS,
        ...(nowrap ? { whiteSpace: 'nowrap' } : {}),
        ...style,
      }}
    />
  );
}
