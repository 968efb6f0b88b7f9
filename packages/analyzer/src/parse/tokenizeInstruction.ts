import type { FlagToken, Token } from './nodes';

export interface InstructionTokens {
  /** Arguments after the flags (empty when only flags were asked for). */
  args: Token[];
  flags: FlagToken[];
  /** Offset of the first argument after the flags (the end when none). */
  argsStart: number;
}

/**
 * Splits an instruction's arguments on blanks, as Docker does for
 * FROM, COPY, USER…: line continuations (with the file's escape character)
 * join lines, comment and blank lines inside a continuation are skipped,
 * quotes group blanks. Stops at the end of the logical line, so heredoc
 * bodies are not read as arguments. Leading `--name=value` flags are
 * returned apart when `readFlags` is set.
 *
 * dockerfile-ast re-tokenizes on every getArguments()/getFlags() call; this
 * single pass replaces those calls and is what keeps the analysis near the
 * cost of the bare parse.
 */
export function tokenizeInstruction(
  text: string,
  start: number,
  end: number,
  escapeChar: string,
  options: { readFlags: boolean; flagsOnly?: boolean },
): InstructionTokens {
  const args: Token[] = [];
  const flags: FlagToken[] = [];
  let i = start;
  while (i < end && !isBlank(text.charCodeAt(i)) && text[i] !== escapeChar) i++;
  let inFlags = options.readFlags;
  for (;;) {
    i = skipSeparators(text, i, end, escapeChar);
    if (i >= end || text[i] === '\n' || text[i] === '\r') break;
    const token = readToken(text, i, end, escapeChar);
    if (inFlags && token.value.startsWith('--')) {
      const equals = token.value.indexOf('=');
      flags.push({
        ...token,
        name: (equals === -1
          ? token.value.slice(2)
          : token.value.slice(2, equals)
        ).toLowerCase(),
        flagValue: equals === -1 ? undefined : token.value.slice(equals + 1),
      });
    } else {
      inFlags = false;
      if (options.flagsOnly) return { args, flags, argsStart: token.start };
      args.push(token);
    }
    i = token.end;
  }
  return { args, flags, argsStart: args[0]?.start ?? Math.min(i, end) };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Length of a line continuation at `i` (escape, blanks, line break), or 0. */
function continuationLength(
  text: string,
  i: number,
  end: number,
  escapeChar: string,
): number {
  if (text[i] !== escapeChar) return 0;
  let j = i + 1;
  while (j < end && isBlank(text.charCodeAt(j))) j++;
  if (text[j] === '\r') j++;
  if (text[j] === '\n') return j + 1 - i;
  return j >= end ? j - i : 0;
}

/** Skips blanks, continuations and the comment or blank lines inside them. */
function skipSeparators(
  text: string,
  from: number,
  end: number,
  escapeChar: string,
): number {
  let i = from;
  for (;;) {
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    const continuation = continuationLength(text, i, end, escapeChar);
    if (continuation === 0) return i;
    i += continuation;
    i = skipCommentLines(text, i, end);
  }
}

function skipCommentLines(text: string, from: number, end: number): number {
  let i = from;
  for (;;) {
    let j = i;
    while (j < end && isBlank(text.charCodeAt(j))) j++;
    if (j < end && (text[j] === '#' || text[j] === '\n' || text[j] === '\r')) {
      const newline = text.indexOf('\n', j);
      if (newline === -1 || newline >= end) return end;
      i = newline + 1;
    } else {
      return i;
    }
  }
}

/** One token; its value has continuations removed. */
function readToken(
  text: string,
  start: number,
  end: number,
  escapeChar: string,
): Token {
  let value = '';
  let i = start;
  let segmentStart = start;
  while (i < end) {
    const char = text[i];
    if (isBlank(text.charCodeAt(i)) || char === '\n' || char === '\r') break;
    const continuation = continuationLength(text, i, end, escapeChar);
    if (continuation > 0) {
      value += text.slice(segmentStart, i);
      i = skipCommentLines(text, i + continuation, end);
      segmentStart = i;
      if (i >= end || isBlank(text.charCodeAt(i))) break;
      continue;
    }
    if (char === '"' || char === "'") {
      const close = findClosingQuote(text, i, end, escapeChar);
      i = close === -1 ? end : close + 1;
      continue;
    }
    i += char === escapeChar && i + 1 < end ? 2 : 1;
  }
  value += text.slice(segmentStart, Math.min(i, end));
  return { value, start, end: Math.min(i, end) };
}

function findClosingQuote(
  text: string,
  open: number,
  end: number,
  escapeChar: string,
): number {
  const quote = text[open];
  for (let i = open + 1; i < end; i++) {
    if (text[i] === '\n') return -1;
    if (text[i] === escapeChar && quote === '"') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}
