import { pipeline, Readable } from 'node:stream';
import { ImageReadError } from '../ImageReadError';
import type { ImageLimits } from '../limits';
import type { LayerScan } from '../layers/LayerScan';
import { LayerReader, ScanBudget } from '../layers/scanLayer';
import type { ArchiveContents } from './ArchiveContents';
import {
  compressionOf,
  decompressorFor,
  DecompressionGuard,
} from './decompressed';
import { normalizeEntryPath } from './normalizeEntryPath';
import { peeked } from './peeked';
import { PendingWork } from './PendingWork';
import { JsonDocument, looksLikeJson } from './readJsonBlob';
import { SniffedSink } from './SniffedSink';
import { ChunkSink, TarHeader, TarParser } from './TarParser';

/** Names that are JSON documents in `docker save` and OCI archives. */
const JSON_NAME =
  /(^|\/)(manifest\.json|index\.json|oci-layout|repositories|[^/]+\.json)$/;
/** Content-addressed blobs (OCI) and legacy layer tars (`docker save` before 25). */
const BLOB_NAME = /^blobs\/[^/]+\/[^/]+$/;
const LEGACY_LAYER = /(^|\/)layer\.tar$/;
/** looksLikeJson's window, and enough for the compression magic. */
const SNIFF_BYTES = 64;

/** The archive's bytes, through a guarded decompressor when it is compressed as a whole. */
function decompressedArchive(
  source: { head?: Buffer; chunks: AsyncIterable<Buffer> },
  label: string,
  limits: ImageLimits,
): AsyncIterable<Buffer> {
  const compression = compressionOf(source.head!);
  if (compression === 'none') return source.chunks;
  let compressedBytes = 0;
  const counted = (async function* count() {
    for await (const chunk of source.chunks) {
      compressedBytes += chunk.length;
      // The decompressor may keep the piece beyond this step: a copy.
      yield Buffer.from(chunk);
    }
  })();
  // The archive's own compression expands into the same byte budget as its layers.
  return pipeline(
    Readable.from(counted),
    decompressorFor(compression, label),
    new DecompressionGuard(
      () => compressedBytes,
      { remaining: limits.maxUncompressedBytes },
      limits,
      label,
    ),
    () => undefined,
  );
}

/** The outer archive's entries: JSON documents kept, layer blobs scanned, the rest skipped. */
class ArchiveReader implements ChunkSink {
  readonly documents = new Map<string, unknown>();
  readonly layers = new Map<string, LayerScan>();
  readonly pending = new PendingWork();
  private readonly tar = new TarParser(header => this.entry(header));
  private readonly budget: ScanBudget;
  private entries = 0;

  constructor(
    private readonly label: string,
    private readonly limits: ImageLimits,
  ) {
    this.budget = {
      entries: limits.maxEntries,
      remaining: limits.maxUncompressedBytes,
    };
  }

  write(chunk: Buffer): void {
    this.tar.write(chunk);
  }

  end(): void {
    this.tar.end();
  }

  private entry(header: TarHeader): ChunkSink | undefined {
    const { label, limits } = this;
    this.entries += 1;
    if (this.entries > limits.maxEntries) {
      throw new ImageReadError(
        `${label}: more than ${limits.maxEntries} entries (limit)`,
      );
    }
    const name = normalizeEntryPath(header.name, label, limits.maxPathLength);
    const isFile = header.type === 'file' || header.type === 'contiguous-file';
    if (
      !isFile ||
      !(JSON_NAME.test(name) || BLOB_NAME.test(name) || LEGACY_LAYER.test(name))
    ) {
      return undefined;
    }
    return new SniffedSink(SNIFF_BYTES, head =>
      this.blob(name, head, `${label}: ${name}`),
    );
  }

  private blob(
    name: string,
    head: Buffer,
    where: string,
  ): ChunkSink | undefined {
    const legacyLayer = LEGACY_LAYER.test(name);
    if (head.length > 0 && looksLikeJson(head) && !legacyLayer) {
      const document = new JsonDocument(where, this.limits.maxJsonBytes);
      return {
        write: chunk => document.write(chunk),
        end: () => {
          document.end();
          this.documents.set(name, document.value);
        },
      };
    }
    if (JSON_NAME.test(name) && !legacyLayer) return undefined;
    const layer = new LayerReader(where, this.limits, this.budget);
    return {
      write: chunk => {
        layer.write(chunk);
        this.pending.add(layer.ready());
      },
      end: () => {
        layer.end();
        this.pending.add(
          layer.result().then(scan => {
            this.layers.set(name, scan);
          }),
        );
      },
    };
  }
}

/**
 * Reads a `docker save` or OCI archive (optionally gzip-compressed as a
 * whole) in one pass: JSON documents are kept, every layer blob is scanned
 * as it passes. Works on stdin as well as files, since nothing seeks. The
 * archive's pieces are parsed as they come, each before the next is asked
 * for, so a reader may lend one buffer again and again.
 */
export async function readImageTar(
  input: AsyncIterable<Buffer>,
  label: string,
  limits: ImageLimits,
): Promise<ArchiveContents> {
  const source = await peeked(input);
  if (!source.head) throw new ImageReadError(`${label}: the archive is empty`);
  const archive = new ArchiveReader(label, limits);
  try {
    for await (const chunk of decompressedArchive(source, label, limits)) {
      archive.write(chunk);
      await archive.pending.settle();
    }
    archive.end();
    await archive.pending.settle();
  } catch (error) {
    if (error instanceof ImageReadError) throw error;
    throw new ImageReadError(
      `${label}: not a readable image archive (${
        (error as Error).message
      }); it may be truncated or corrupt`,
    );
  }
  return {
    label,
    readJson: async name => archive.documents.get(name),
    scanLayer: async name => archive.layers.get(name),
  };
}
