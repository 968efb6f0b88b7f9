import { Transform, TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { ImageReadError } from '../ImageReadError';
import type { ImageLimits } from '../limits';

const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];

/** How a layer blob is compressed, from its first bytes. */
export function compressionOf(head: Buffer): 'gzip' | 'zstd' | 'none' {
  if (startsWith(head, GZIP)) return 'gzip';
  if (startsWith(head, ZSTD)) return 'zstd';
  return 'none';
}

/** The decompressor for a layer, or an error naming what is unsupported. */
export function decompressorFor(
  compression: 'gzip' | 'zstd',
  where: string,
): Transform {
  if (compression === 'gzip') return zlib.createGunzip();
  const zstd = (zlib as { createZstdDecompress?: () => Transform })
    .createZstdDecompress;
  if (!zstd) {
    throw new ImageReadError(
      `${where}: zstd-compressed layers need Node.js 22.15 or newer`,
    );
  }
  return zstd();
}

/**
 * Counts decompressed bytes and stops the stream when they pass the limits:
 * the total a whole image may hold, and the ratio that only a decompression
 * bomb reaches. Without it a 1 MB layer could make the inspection read
 * terabytes of zeros.
 */
export class DecompressionGuard extends Transform {
  private produced = 0;

  constructor(
    private readonly compressedSoFar: () => number,
    private readonly budget: { remaining: number },
    private readonly limits: ImageLimits,
    private readonly where: string,
  ) {
    super();
  }

  _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback): void {
    this.produced += chunk.length;
    this.budget.remaining -= chunk.length;
    if (this.budget.remaining < 0) {
      done(
        new ImageReadError(
          `${this.where}: the image expands past ${this.limits.maxUncompressedBytes} bytes uncompressed (limit)`,
        ),
      );
      return;
    }
    const compressed = Math.max(1, this.compressedSoFar());
    if (
      this.produced > this.limits.bombThresholdBytes &&
      this.produced / compressed > this.limits.maxCompressionRatio
    ) {
      done(
        new ImageReadError(
          `${this.where}: decompression bomb: ${compressed} compressed bytes expanded to more than ${this.produced} (ratio limit ${this.limits.maxCompressionRatio})`,
        ),
      );
      return;
    }
    done(null, chunk);
  }
}

function startsWith(head: Buffer, magic: number[]): boolean {
  return magic.every((byte, index) => head[index] === byte);
}
