import type { ShellWord } from './types';

/**
 * Builds a word from its source text. Quote removal is done here, on the
 * text, for every parser path, so that the fast path and the real parser
 * agree on values by construction.
 */
export function shellWord(text: string, start: number): ShellWord {
  const { value, literal } = unquote(text);
  return { text, value, literal, start, end: start + text.length };
}

/** Removes shell quoting; `$…` and backquote expansions are kept as written. */
export function unquote(text: string): { value: string; literal: boolean } {
  if (!/["'\\$`]/.test(text)) return { value: text, literal: true };
  let value = '';
  let literal = true;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close === -1 ? text.length : close;
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (char === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (
          text[i] === '\\' &&
          i + 1 < text.length &&
          '"\\$`\n'.includes(text[i + 1])
        ) {
          if (text[i + 1] !== '\n') value += text[i + 1];
          i += 2;
        } else {
          if (text[i] === '$' || text[i] === '`') literal = false;
          value += text[i];
          i++;
        }
      }
      i++;
    } else if (char === '\\') {
      if (i + 1 < text.length && text[i + 1] !== '\n') value += text[i + 1];
      i += 2;
    } else {
      if (char === '$' || char === '`') literal = false;
      value += char;
      i++;
    }
  }
  return { value, literal };
}

/** `/usr/bin/apk` → `apk`. */
export function commandBaseName(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash === -1 ? value : value.slice(slash + 1);
}
