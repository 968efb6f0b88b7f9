import { CommandBuilder } from './commandBuilder';
import type { ShellCommand, ShellScript } from './types';

/** `$(…)` nesting the fast path follows before handing over to the real parser. */
const MAX_SUBSTITUTION_DEPTH = 4;

/** Words that open or close compound commands; the real parser handles those. */
const RESERVED_WORDS = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while',
  'until', 'for', 'in', 'function', 'select', '!', '{', '}', '[[', ']]',
  'time', 'coproc',
]);

/**
 * The fast path for the most common RUN bodies: flat lists of simple commands
 * joined by `&&`, `||`, `;`, `|`, `&` or newlines, with quoting, plain
 * `$VAR`/`${VAR}` expansions, redirections and comments. Anything beyond that
 * (compound commands, command substitution, heredocs, subshells…) returns
 * `undefined` and goes to the real parser, so this path never has to guess.
 * A differential test checks that both paths agree wherever this one answers.
 */
export function parseFlatCommandList(source: string, base: number, depth = 0): ShellScript | undefined {
  if (depth > MAX_SUBSTITUTION_DEPTH) return undefined;
  const commands: ShellCommand[] = [];
  const substitutions: Substitution[] = [];
  let current = new CommandBuilder();
  let hasPipeline = false;
  /** An operator that requires a command after it (`&&`, `||`, `|`). */
  let operandPending = false;
  let pipeIntoNext = false;
  let i = 0;
  const length = source.length;

  const finishCommand = (): boolean => {
    if (current.isEmpty) return false;
    commands.push(current.build());
    current = new CommandBuilder();
    return true;
  };

  while (i < length) {
    const char = source[i];
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
      continue;
    }
    if (char === '\n') {
      if (operandPending) {
        i++; // a newline after `&&` continues the list
        continue;
      }
      finishCommand();
      i++;
      continue;
    }
    if (char === '#') {
      const newline = source.indexOf('\n', i);
      i = newline === -1 ? length : newline;
      continue;
    }
    if (char === '(' || char === ')' || char === '`') return undefined;
    if (char === '&' || char === '|' || char === ';') {
      const next = source[i + 1];
      if (char === '&' && next === '>') return undefined;
      if ((char === '&' && next === '&') || (char === '|' && next === '|')) {
        if (operandPending || !finishCommand()) return undefined;
        operandPending = true;
        i += 2;
        continue;
      }
      if (char === '|') {
        if (next === '&' || operandPending) return undefined;
        current.inPipeline = true;
        if (!finishCommand()) return undefined;
        hasPipeline = true;
        pipeIntoNext = true;
        operandPending = true;
        i++;
        continue;
      }
      if (next === ';' || next === '&' || operandPending || !finishCommand()) return undefined;
      i++;
      continue;
    }
    if (char === '<' || char === '>') {
      const redirect = readRedirect(source, i, substitutions);
      if (!redirect) return undefined;
      current.addRedirect(redirect.operator, redirect.target, base + redirect.targetStart, base + i);
      i = redirect.end;
      markOperand();
      continue;
    }
    const wordEnd = scanWord(source, i, substitutions);
    if (wordEnd === undefined) return undefined;
    const text = source.slice(i, wordEnd);
    if (/^[0-9]+$/.test(text) && (source[wordEnd] === '<' || source[wordEnd] === '>')) {
      const redirect = readRedirect(source, wordEnd, substitutions);
      if (!redirect) return undefined;
      current.addRedirect(redirect.operator, redirect.target, base + redirect.targetStart, base + i);
      i = redirect.end;
      markOperand();
      continue;
    }
    if (!current.hasCommandName) {
      if (RESERVED_WORDS.has(text) || /^[A-Za-z_][A-Za-z0-9_]*\[/.test(text)) return undefined;
    }
    current.addWord(text, base + i);
    markOperand();
    i = wordEnd;
  }
  if (operandPending) return undefined;
  finishCommand();
  for (const substitution of substitutions) {
    const inner = parseFlatCommandList(source.slice(substitution.start, substitution.end), base + substitution.start, depth + 1);
    if (!inner) return undefined;
    commands.push(...inner.commands);
    hasPipeline = hasPipeline || inner.hasPipeline;
  }
  if (substitutions.length > 0) commands.sort((a, b) => a.start - b.start);
  return { commands, hasPipeline, parser: 'flat' };

  function markOperand(): void {
    operandPending = false;
    if (pipeIntoNext) {
      current.inPipeline = true;
      pipeIntoNext = false;
    }
  }
}

/** The inside of a `$(…)`, parsed as a command list of its own once the outer list is done. */
interface Substitution {
  start: number;
  end: number;
}


interface Redirect {
  operator: string;
  target: string;
  targetStart: number;
  end: number;
}

const REDIRECT_OPERATORS = ['>>', '>&', '>|', '<&', '<>', '>', '<'];

function readRedirect(source: string, operatorStart: number, substitutions: Substitution[]): Redirect | undefined {
  if (source.startsWith('<<', operatorStart)) return undefined;
  const operator = REDIRECT_OPERATORS.find(op => source.startsWith(op, operatorStart));
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
function scanWord(source: string, start: number, substitutions: Substitution[]): number | undefined {
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
function scanDoubleQuoted(source: string, start: number, substitutions: Substitution[]): number | undefined {
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
function scanDollar(source: string, dollar: number, substitutions: Substitution[]): number | undefined {
  const next = source[dollar + 1];
  if (next === '(') return scanCommandSubstitution(source, dollar, substitutions);
  if (next === "'" || next === '"' || next === '[') return undefined;
  if (next !== '{') return dollar + 1;
  const close = source.indexOf('}', dollar + 2);
  if (close === -1) return undefined;
  const inner = source.slice(dollar + 2, close);
  if (/["'`${\n\\]/.test(inner)) return undefined;
  return close + 1;
}

/** Finds the `)` closing `$(` at `dollar`; quotes are skipped, backquotes and `$((` refused. */
function scanCommandSubstitution(source: string, dollar: number, substitutions: Substitution[]): number | undefined {
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
