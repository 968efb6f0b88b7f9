import { tokenizeShell } from './fallbackTokenizer';
import { parseCommonShell } from './parseCommonShell';
import { parseWithMvdan } from './mvdanAdapter';
import type { ShellCommand, ShellScript } from './types';

/** Bodies longer than this skip the real parser: bounded time on hostile input. */
const MAX_PARSED_LENGTH = 64 * 1024;
/** `sh -c "sh -c '…'"` nesting we follow. */
const MAX_NESTING = 3;

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh', 'ksh', 'mksh']);

/**
 * Parses a shell body into commands. `base` is the body's offset in the
 * Dockerfile text, so every word and command carries Dockerfile offsets.
 * Never throws: invalid shell degrades to the tokenizer.
 */
export function parseShell(
  source: string,
  base: number,
  depth = 0,
): ShellScript {
  const script = parseOnce(source, base);
  if (depth >= MAX_NESTING) return script;
  const nested = script.commands.flatMap(command =>
    nestedScript(command, depth),
  );
  if (nested.length === 0) return script;
  const commands = [...script.commands];
  let hasPipeline = script.hasPipeline;
  for (const inner of nested) {
    commands.push(...inner.commands);
    hasPipeline = hasPipeline || inner.hasPipeline;
  }
  commands.sort((a, b) => a.start - b.start);
  return { ...script, commands, hasPipeline };
}

function parseOnce(source: string, base: number): ShellScript {
  const fast = parseCommonShell(source, base);
  if (fast) return fast;
  if (source.length > MAX_PARSED_LENGTH) {
    return tokenizeShell(source, base, 'body too long for the shell parser');
  }
  try {
    return parseWithMvdan(source, base);
  } catch (error) {
    return tokenizeShell(source, base, describeError(error));
  }
}

/** The script of `sh -c '…'`, parsed at the string's position. */
function nestedScript(command: ShellCommand, depth: number): ShellScript[] {
  if (!SHELLS.has(command.name)) return [];
  const flagIndex = command.args.findIndex(arg =>
    /^-[a-z]*c[a-z]*$/.test(arg.value),
  );
  const body = flagIndex === -1 ? undefined : command.args[flagIndex + 1];
  if (!body) return [];
  const quoted =
    body.text.length >= 2 && (body.text[0] === "'" || body.text[0] === '"');
  const offset = quoted ? body.start + 1 : body.start;
  return [parseShell(body.value, offset, depth + 1)];
}

function describeError(error: unknown): string {
  // mvdan-sh throws Go error values, whose text comes from `Error()`.
  const goError = error as { Error?: () => string } | undefined;
  if (goError && typeof goError.Error === 'function') {
    return goError.Error().replace(/^:?\d+:\d+: /, '');
  }
  if (error && typeof error === 'object' && 'message' in error) {
    const message = String((error as { message: unknown }).message);
    if (message && message !== 'undefined') return message;
  }
  return 'the shell parser rejected this body';
}
