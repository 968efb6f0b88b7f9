/** Above this size the CLI shows no code frames: the analyzer refuses such files anyway. */
const FRAME_SOURCE_LIMIT = 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Dockerfile text as the analyzer sees it (BOM removed), and whether a BOM was there. */
export interface DecodedText {
  text: string;
  hasBom: boolean;
}

/**
 * Decodes a Dockerfile for code frames and fixes; undefined for binary,
 * non-UTF-8 or oversized content, whose findings are about the file as a
 * whole and have no lines worth showing.
 */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.byteLength > FRAME_SOURCE_LIMIT) return undefined;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.includes('\u0000')) return undefined;
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, hasBom };
}

/** Puts back the byte order mark a file had, so fixes change nothing else. */
export function encodeText(decoded: DecodedText): string {
  return decoded.hasBom ? `\uFEFF${decoded.text}` : decoded.text;
}
