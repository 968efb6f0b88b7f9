/**
 * Larger files are not analysed either (the analyzer's own input bound), and
 * a report row should stay small enough to read in one go.
 */
export const MAX_STORED_CONTENT_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The Dockerfile text to keep with its findings, decoded the way the
 * analyzer decodes it so that finding lines and fix positions match, or
 * undefined when it is too large or not text (PostgreSQL text columns cannot
 * hold NUL bytes, and a binary file has no lines to show).
 */
export function storableContent(content: Buffer | string): string | undefined {
  const bytes =
    typeof content === 'string'
      ? Buffer.byteLength(content, 'utf8')
      : content.byteLength;
  if (bytes > MAX_STORED_CONTENT_BYTES) {
    return undefined;
  }
  let text: string;
  if (typeof content === 'string') {
    text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  } else {
    try {
      text = utf8.decode(content);
    } catch {
      return undefined;
    }
  }
  return text.includes('\u0000') ? undefined : text;
}
