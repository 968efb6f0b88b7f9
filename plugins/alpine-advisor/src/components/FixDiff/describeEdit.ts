import type { TextEdit } from '../../api/types';

/** One edit in words, for when the Dockerfile's text is not at hand to show a diff. */
export function describeEdit(edit: TextEdit): string {
  const wholeLines =
    edit.column === 1 && edit.endColumn === 1 && edit.endLine > edit.line;
  const lastLine = wholeLines ? edit.endLine - 1 : edit.endLine;
  const lines =
    lastLine > edit.line
      ? `lines ${edit.line}–${lastLine}`
      : `line ${edit.line}`;
  const isInsertion =
    edit.line === edit.endLine && edit.column === edit.endColumn;
  if (edit.text === '') {
    return wholeLines
      ? `Remove ${lines}`
      : `On ${lines}, remove columns ${edit.column}–${edit.endColumn - 1}`;
  }
  if (isInsertion) {
    return `On ${lines}, insert at column ${edit.column}: ${edit.text}`;
  }
  return `Replace ${
    wholeLines ? lines : `${lines} from column ${edit.column}`
  } with: ${edit.text}`;
}
