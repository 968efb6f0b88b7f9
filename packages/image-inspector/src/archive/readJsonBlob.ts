import { ImageReadError } from '../ImageReadError';
import type { ChunkSink } from './TarParser';

/** Collects a JSON document's bytes as they are pushed (copied: pieces are lent) and parses it at the end. */
export class JsonDocument implements ChunkSink {
  value: unknown;
  private readonly parts: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly name: string,
    private readonly maxBytes: number,
  ) {}

  write(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      throw new ImageReadError(
        `${this.name}: JSON document larger than ${this.maxBytes} bytes (limit)`,
      );
    }
    this.parts.push(Buffer.from(chunk));
  }

  end(): void {
    try {
      this.value = JSON.parse(Buffer.concat(this.parts).toString('utf8'));
    } catch (error) {
      throw new ImageReadError(
        `${this.name}: not valid JSON (${(error as Error).message})`,
      );
    }
  }
}

/** A JSON document of the archive (manifest, index, config), refused past `maxBytes`. */
export async function readJsonBlob(
  chunks: AsyncIterable<Buffer>,
  name: string,
  maxBytes: number,
): Promise<unknown> {
  const document = new JsonDocument(name, maxBytes);
  for await (const chunk of chunks) document.write(chunk);
  document.end();
  return document.value;
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
