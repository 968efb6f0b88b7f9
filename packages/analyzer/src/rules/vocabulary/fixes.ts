import type { RunInstruction } from '../../parse';
import type { ShellCommand, ShellWord } from '../../shell';
import type { Locatable, OffsetEdit } from '../framework/types';

/** Inserts text right after a word or instruction. */
export function insertAfter(at: Locatable, text: string): OffsetEdit {
  return { start: at.end, end: at.end, text };
}

/** Inserts text right before a word or instruction. */
export function insertBefore(at: Locatable, text: string): OffsetEdit {
  return { start: at.start, end: at.start, text };
}

/** Replaces a word or range. */
export function replace(at: Locatable, text: string): OffsetEdit {
  return { start: at.start, end: at.end, text };
}

/**
 * Inserts one more argument after a command word: ` --flag` in shell form,
 * `, "--flag"` after a JSON string of the exec form.
 */
export function insertArgument(
  run: RunInstruction,
  after: ShellWord,
  argument: string,
): OffsetEdit {
  const inJsonArray = run.form === 'exec' && after.text.startsWith('"');
  return insertAfter(
    after,
    inJsonArray ? `, ${JSON.stringify(argument)}` : ` ${argument}`,
  );
}

/** Removes a whole instruction with its line break. */
export function removeInstruction(
  instruction: Locatable,
  text: string,
): OffsetEdit {
  let start = instruction.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t'))
    start--;
  let end = instruction.end;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start, end, text: '' };
}

/** Appends `&& command` at the end of a shell-form RUN body. */
export function appendCommand(
  run: RunInstruction,
  text: string,
  command: string,
): OffsetEdit {
  let end = run.end;
  while (end > run.argsStart && /\s/.test(text[end - 1])) end--;
  const separator =
    text[end - 1] === ';' || text[end - 1] === '&' ? ' ' : ' && ';
  return { start: end, end, text: `${separator}${command}` };
}

/** What may stand between a command and the next one of the same list: `&&`, `;` or a newline, with continuations. */
const LIST_SEPARATOR = /^(?:[ \t]|\\\r?\n)*(?:&&|;|\r?\n)(?:\s|\\\r?\n)*$/;

/**
 * Removes a command together with the `&&`/`;` that joins it to the next
 * command (`apk update && apk add x` → `apk add x`). Undefined when the text
 * between the two is anything else (`||`, a pipe, `then`), where removing
 * the command would change what runs.
 */
export function removeCommandBefore(
  command: ShellCommand,
  next: ShellCommand,
  text: string,
): OffsetEdit | undefined {
  if (next.start <= command.end) return undefined;
  if (!LIST_SEPARATOR.test(text.slice(command.end, next.start)))
    return undefined;
  return { start: command.start, end: next.start, text: '' };
}
