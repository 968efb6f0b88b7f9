/*
 * The lexer of the fast shell path: words (with quoting, `$VAR`, `${VAR}` and
 * `$(…)`), operators, redirections and comments. Anything it does not know
 * for sure (backquotes, arithmetic, heredocs, `|&`, ANSI-C quoting…) makes it
 * return undefined, and the body goes to the real parser.
 */

/** The inside of a `$(…)`, parsed as a script of its own once the outer one is done. */
export interface Substitution {
  start: number;
  end: number;
}

export type Operator = '&&' | '||' | ';' | ';;' | '|' | '&' | '\n' | '(' | ')';

export type Token =
  | { kind: 'word'; text: string; start: number }
  | { kind: 'operator'; operator: Operator; start: number }
  | {
      kind: 'redirect';
      operator: string;
      target: string;
      targetStart: number;
      start: number;
    };

export interface LexedScript {
  tokens: Token[];
  substitutions: Substitution[];
}

/** Splits a body into tokens; offsets are indexes into `source`. */
export function lexShell(source: string): LexedScript | undefined {
  const tokens: Token[] = [];
  const substitutions: Substitution[] = [];
  let i = 0;
  const length = source.length;
  while (i < length) {
    const char = source[i];
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
    } else if (char === '\\' && source[i + 1] === '\n') {
      i += 2; // a line continuation between words
    } else if (char === '\n') {
      tokens.push({ kind: 'operator', operator: '\n', start: i });
      i++;
    } else if (char === '#') {
      const newline = source.indexOf('\n', i);
      i = newline === -1 ? length : newline;
    } else if (char === '`') {
      return undefined;
    } else if (
      char === '&' ||
      char === '|' ||
      char === ';' ||
      char === '(' ||
      char === ')'
    ) {
      const operator = readOperator(source, i);
      if (!operator) return undefined;
      tokens.push({ kind: 'operator', operator, start: i });
      i += operator.length;
    } else if (char === '<' || char === '>') {
      const redirect = readRedirect(source, i, substitutions);
      if (!redirect) return undefined;
      tokens.push({
        kind: 'redirect',
        operator: redirect.operator,
        target: redirect.target,
        targetStart: redirect.targetStart,
        start: i,
      });
      i = redirect.end;
    } else {
      const wordEnd = scanWord(source, i, substitutions);
      if (wordEnd === undefined) return undefined;
      const text = source.slice(i, wordEnd);
      if (
        /^[0-9]+$/.test(text) &&
        (source[wordEnd] === '<' || source[wordEnd] === '>')
      ) {
        const redirect = readRedirect(source, wordEnd, substitutions);
        if (!redirect) return undefined;
        tokens.push({
          kind: 'redirect',
          operator: redirect.operator,
          target: redirect.target,
          targetStart: redirect.targetStart,
          start: i,
        });
        i = redirect.end;
      } else {
        tokens.push({ kind: 'word', text, start: i });
        i = wordEnd;
      }
    }
  }
  return { tokens, substitutions };
}

/** `&&`, `||`, `;;`, `;`, `|`, `&`, `(`, `)`; undefined for what the real parser should judge. */
function readOperator(source: string, i: number): Operator | undefined {
  const pair = source.slice(i, i + 2);
  if (pair === '&&' || pair === '||' || pair === ';;') return pair;
  // `|&`, `;&`, `&>` are bash-only; `((` is arithmetic, not two subshells.
  if (pair === '|&' || pair === ';&' || pair === '&>' || pair === '((')
    return undefined;
  const char = source[i];
  return char === ';' ||
    char === '|' ||
    char === '&' ||
    char === '(' ||
    char === ')'
    ? char
    : undefined;
}

interface Redirect {
  operator: string;
  target: string;
  targetStart: number;
  end: number;
}

const REDIRECT_OPERATORS = ['>>', '>&', '>|', '<&', '<>', '>', '<'];

function readRedirect(
  source: string,
  operatorStart: number,
  substitutions: Substitution[],
): Redirect | undefined {
  if (source.startsWith('<<', operatorStart)) return undefined;
  const operator = REDIRECT_OPERATORS.find(op =>
    source.startsWith(op, operatorStart),
  );
  if (!operator) return undefined;
  let i = operatorStart + operator.length;
  while (source[i] === ' ' || source[i] === '\t') i++;
  if (i >= source.length || '\n;&|<>()'.includes(source[i])) return undefined;
  const end = scanWord(source, i, substitutions);
  if (end === undefined || end === i) return undefined;
  return { operator, target: source.slice(i, end), targetStart: i, end };
}

const WORD_END = ' \t\r\n;&|<>()';

/** Returns the end of the word starting at `start`, or undefined when it needs the real parser. */
function scanWord(
  source: string,
  start: number,
  substitutions: Substitution[],
): number | undefined {
  let i = start;
  while (i < source.length && !WORD_END.includes(source[i])) {
    const char = source[i];
    if (char === '\\') {
      i += 2;
    } else if (char === "'") {
      const close = source.indexOf("'", i + 1);
      if (close === -1) return undefined;
      i = close + 1;
    } else if (char === '"') {
      const close = scanDoubleQuoted(source, i + 1, substitutions);
      if (close === undefined) return undefined;
      i = close + 1;
    } else if (char === '$') {
      const after = scanDollar(source, i, substitutions);
      if (after === undefined) return undefined;
      i = after;
    } else if (char === '`') {
      return undefined;
    } else {
      i++;
    }
  }
  return Math.min(i, source.length);
}

/** Index of the closing quote, or undefined. */
function scanDoubleQuoted(
  source: string,
  start: number,
  substitutions: Substitution[],
): number | undefined {
  let i = start;
  while (i < source.length) {
    const char = source[i];
    if (char === '"') return i;
    if (char === '\\') {
      i += 2;
    } else if (char === '`') {
      return undefined;
    } else if (char === '$') {
      const after = scanDollar(source, i, substitutions);
      if (after === undefined) return undefined;
      i = after;
    } else {
      i++;
    }
  }
  return undefined;
}

/**
 * Accepts `$NAME`, `$1`, `$@`…, `${…}` without nested quoting or expansions,
 * and `$(…)` (recorded, parsed later); arithmetic `$((…))` goes to the real parser.
 */
function scanDollar(
  source: string,
  dollar: number,
  substitutions: Substitution[],
): number | undefined {
  const next = source[dollar + 1];
  if (next === '(')
    return scanCommandSubstitution(source, dollar, substitutions);
  if (next === "'" || next === '"' || next === '[') return undefined;
  if (next !== '{') return dollar + 1;
  const close = source.indexOf('}', dollar + 2);
  if (close === -1) return undefined;
  const inner = source.slice(dollar + 2, close);
  if (/["'`${\n\\]/.test(inner)) return undefined;
  return close + 1;
}

/** Finds the `)` closing `$(` at `dollar`; quotes are skipped, backquotes and `$((` refused. */
function scanCommandSubstitution(
  source: string,
  dollar: number,
  substitutions: Substitution[],
): number | undefined {
  if (source[dollar + 2] === '(') return undefined;
  let depth = 1;
  let i = dollar + 2;
  while (i < source.length) {
    const char = source[i];
    if (char === '\\') {
      i += 2;
    } else if (char === "'") {
      const close = source.indexOf("'", i + 1);
      if (close === -1) return undefined;
      i = close + 1;
    } else if (char === '"') {
      const close = scanDoubleQuoted(source, i + 1, []);
      if (close === undefined) return undefined;
      i = close + 1;
    } else if (char === '`' || source.startsWith('<<', i)) {
      return undefined;
    } else {
      if (char === '(') depth++;
      if (char === ')' && --depth === 0) {
        substitutions.push({ start: dollar + 2, end: i });
        return i + 1;
      }
      i++;
    }
  }
  return undefined;
}
