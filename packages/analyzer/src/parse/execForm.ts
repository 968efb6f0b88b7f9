import { JSONInstruction } from 'dockerfile-ast';
import type { Instruction } from 'dockerfile-ast';
import { typedInstruction } from './deferredParse';
import type { LineIndex } from './lineIndex';

/** A JSON array of an exec-form instruction (`CMD ["nginx", "-g", "daemon off;"]`). */
export interface ExecFormArray {
  /** False when the array never closes: then the instruction is in shell form. */
  closed: boolean;
  /** Each string with its quotes, as offsets into the Dockerfile. */
  strings: Array<{ start: number; end: number }>;
}

const isBlank = (char: string) => char === ' ' || char === '\t';

/**
 * Reads the JSON array at `start` the way dockerfile-ast's JSONInstruction
 * does (a trailing comma is accepted, whatever follows `]` is ignored, the
 * first unexpected character ends the search with the array unclosed), so
 * that the exec form is known without building dockerfile-ast's instruction
 * class, whose constructor tokenizes the arguments three times. Arrays that
 * continue over several lines return undefined: the caller asks
 * dockerfile-ast, which handles continuations inside them.
 */
export function readExecFormArray(
  text: string,
  start: number,
  end: number,
): ExecFormArray | undefined {
  if (text[start] !== '[' || spansLines(text, start, end)) return undefined;
  const strings: ExecFormArray['strings'] = [];
  let last: '[' | ',' | '"' = '[';
  let i = start + 1;
  while (i < end) {
    const char = text[i];
    if (isBlank(char)) {
      i++;
    } else if (char === ']') {
      return { closed: true, strings };
    } else if (char === '"' && last !== '"') {
      const close = closingQuote(text, i, end);
      if (close === -1) return { closed: false, strings };
      strings.push({ start: i, end: close + 1 });
      last = '"';
      i = close + 1;
    } else if (char === ',' && last === '"') {
      last = ',';
      i++;
    } else {
      return { closed: false, strings };
    }
  }
  return { closed: false, strings };
}

function spansLines(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

/** Offset of the quote closing the string at `open` (a backslash escapes the next character), or -1. */
function closingQuote(text: string, open: number, end: number): number {
  for (let i = open + 1; i < end; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '"') return i;
  }
  return -1;
}

/**
 * The strings of an exec-form instruction (RUN, CMD, ENTRYPOINT, SHELL)
 * whose arguments start at `argsStart`: undefined unless they are a closed
 * JSON array with at least one string, as with dockerfile-ast's
 * getClosingBracket() and getJSONStrings().
 */
export function execFormStrings(
  instruction: Instruction,
  text: string,
  lines: LineIndex,
  argsStart: number,
  end: number,
): ExecFormArray['strings'] | undefined {
  if (text[argsStart] !== '[') return undefined;
  const array =
    readExecFormArray(text, argsStart, end) ??
    readWithDockerfileAst(instruction, lines);
  return array.closed && array.strings.length > 0 ? array.strings : undefined;
}

function readWithDockerfileAst(
  instruction: Instruction,
  lines: LineIndex,
): ExecFormArray {
  const typed = typedInstruction(instruction);
  if (!(typed instanceof JSONInstruction))
    return { closed: false, strings: [] };
  return {
    closed: typed.getClosingBracket() !== null,
    strings: typed.getJSONStrings().map(json => {
      const range = json.getRange();
      return {
        start: lines.offsetAt(range.start),
        end: lines.offsetAt(range.end),
      };
    }),
  };
}
