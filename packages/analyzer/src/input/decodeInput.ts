/** Files larger than this are not analysed: bounded time and memory on any input. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Why the input could not be read as a Dockerfile, if it could not. */
export type InputProblem =
  | { kind: 'file-too-large'; bytes: number }
  | { kind: 'binary-content'; detail: string };

export interface DecodedInput {
  text: string;
  problem?: InputProblem;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns caller input into text, refusing what cannot be a Dockerfile. Strings
 * are measured in UTF-16 units times one, which under-counts multi-byte text;
 * that is fine for a guard whose purpose is bounding work, not exact accounting.
 */
export function decodeInput(content: string | Uint8Array): DecodedInput {
  if (typeof content === 'string') {
    if (content.length > MAX_FILE_BYTES) {
      return {
        text: '',
        problem: { kind: 'file-too-large', bytes: content.length },
      };
    }
    return guardText(stripBom(content));
  }
  if (content.byteLength > MAX_FILE_BYTES) {
    return {
      text: '',
      problem: { kind: 'file-too-large', bytes: content.byteLength },
    };
  }
  let text: string;
  try {
    text = utf8.decode(content);
  } catch {
    return {
      text: '',
      problem: {
        kind: 'binary-content',
        detail: 'the file is not valid UTF-8',
      },
    };
  }
  return guardText(text);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function guardText(text: string): DecodedInput {
  if (text.includes('\u0000')) {
    return {
      text: '',
      problem: {
        kind: 'binary-content',
        detail: 'the file contains NUL bytes',
      },
    };
  }
  return { text };
}
