import { lexShell } from './fastLexer';
import { FastParser, NeedsRealParser } from './fastParser';
import type { ShellScript } from './types';

/** `$(…)` nesting the fast path follows before handing over to the real parser. */
const MAX_SUBSTITUTION_DEPTH = 4;

/**
 * The fast path for RUN bodies: the POSIX shell that Dockerfiles use, that is
 * lists joined by `&&`, `||`, `;`, `&`, newlines and pipes; `if`, `for`,
 * `while`/`until`, `case`, `{ …; }` and subshells; quoting, `$VAR`, `${VAR}`,
 * `$(…)`, redirections and comments. Anything else (backquotes, arithmetic,
 * heredocs, functions, bash-only syntax) or anything malformed returns
 * `undefined`, and the body goes to mvdan/sh, which has the last word. A
 * differential test checks that both agree wherever this one answers.
 */
export function parseCommonShell(source: string, base: number, depth = 0): ShellScript | undefined {
  if (depth > MAX_SUBSTITUTION_DEPTH) return undefined;
  const lexed = lexShell(source);
  if (!lexed) return undefined;
  const parser = new FastParser(lexed.tokens, base);
  try {
    parser.script();
  } catch (error) {
    if (error instanceof NeedsRealParser) return undefined;
    throw error;
  }
  const commands = parser.commands;
  let hasPipeline = parser.hasPipeline;
  for (const substitution of lexed.substitutions) {
    const inner = parseCommonShell(source.slice(substitution.start, substitution.end), base + substitution.start, depth + 1);
    if (!inner) return undefined;
    commands.push(...inner.commands);
    hasPipeline = hasPipeline || inner.hasPipeline;
  }
  commands.sort((a, b) => a.start - b.start);
  return { commands, hasPipeline, parser: 'flat' };
}
