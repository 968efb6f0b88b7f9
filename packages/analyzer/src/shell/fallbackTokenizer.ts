import { CommandBuilder } from './commandBuilder';
import type { ShellCommand, ShellScript } from './types';

/**
 * Last resort for bodies the real parser rejects (unbalanced quotes, stray
 * `fi`…): split on unquoted `&&`, `||`, `;`, `|` and newlines, words on
 * unquoted blanks. An unterminated quote runs to the end. Linear, never throws.
 */
export function tokenizeShell(
  source: string,
  base: number,
  error?: string,
): ShellScript {
  const commands: ShellCommand[] = [];
  let current = new CommandBuilder();
  let hasPipeline = false;
  let i = 0;
  const finish = () => {
    if (!current.isEmpty) commands.push(current.build());
    current = new CommandBuilder();
  };
  while (i < source.length) {
    const char = source[i];
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
    } else if (
      char === '\n' ||
      char === ';' ||
      char === '&' ||
      char === '(' ||
      char === ')'
    ) {
      finish();
      i++;
    } else if (char === '|') {
      current.inPipeline = true;
      const piped = !current.isEmpty && source[i + 1] !== '|';
      finish();
      if (piped) {
        hasPipeline = true;
        current.inPipeline = true;
      }
      i += source[i + 1] === '|' ? 2 : 1;
    } else {
      const end = wordEnd(source, i);
      current.addWord(source.slice(i, end), base + i);
      i = end;
    }
  }
  finish();
  return { commands, hasPipeline, parser: 'tokenizer', error };
}

function wordEnd(source: string, start: number): number {
  let i = start;
  while (i < source.length && !' \t\r\n;&|()'.includes(source[i])) {
    const char = source[i];
    if (char === '\\') {
      i += 2;
    } else if (char === "'" || char === '"') {
      const close = source.indexOf(char, i + 1);
      i = close === -1 ? source.length : close + 1;
    } else {
      i++;
    }
  }
  return Math.min(Math.max(i, start + 1), source.length);
}
