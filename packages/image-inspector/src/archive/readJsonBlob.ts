import { ImageReadError } from '../ImageReadError';

/** A JSON document of the archive (manifest, index, config), refused past `maxBytes`. */
export async function readJsonBlob(
  chunks: AsyncIterable<Buffer>,
  name: string,
  maxBytes: number,
): Promise<unknown> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new ImageReadError(
        `${name}: JSON document larger than ${maxBytes} bytes (limit)`,
      );
    }
    parts.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch (error) {
    throw new ImageReadError(
      `${name}: not valid JSON (${(error as Error).message})`,
    );
  }
}

/** True when the first bytes look like a JSON object or array. */
export function looksLikeJson(head: Buffer): boolean {
  for (const byte of head.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)
      continue;
    return byte === 0x7b || byte === 0x5b; // { or [
  }
  return false;
}
