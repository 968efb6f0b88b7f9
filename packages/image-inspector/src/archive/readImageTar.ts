import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { ImageReadError } from '../ImageReadError';
import type { ImageLimits } from '../limits';
import type { LayerScan } from '../layers/LayerScan';
import { ScanBudget, scanLayer } from '../layers/scanLayer';
import type { ArchiveContents } from './ArchiveContents';
import {
  compressionOf,
  decompressorFor,
  DecompressionGuard,
} from './decompressed';
import { normalizeEntryPath } from './normalizeEntryPath';
import { peeked } from './peeked';
import { chunksOf } from './chunksOf';
import { looksLikeJson, readJsonBlob } from './readJsonBlob';

/** Names that are JSON documents in `docker save` and OCI archives. */
const JSON_NAME =
  /(^|\/)(manifest\.json|index\.json|oci-layout|repositories|[^/]+\.json)$/;
/** Content-addressed blobs (OCI) and legacy layer tars (`docker save` before 25). */
const BLOB_NAME = /^blobs\/[^/]+\/[^/]+$/;
const LEGACY_LAYER = /(^|\/)layer\.tar$/;

/**
 * Reads a `docker save` or OCI archive (optionally gzip-compressed as a
 * whole) in one pass: JSON documents are kept, every layer blob is scanned
 * as it passes. Works on stdin as well as files, since nothing seeks.
 */
export async function readImageTar(
  input: AsyncIterable<Buffer>,
  label: string,
  limits: ImageLimits,
): Promise<ArchiveContents> {
  const documents = new Map<string, unknown>();
  const layers = new Map<string, LayerScan>();
  const budget: ScanBudget = {
    entries: limits.maxEntries,
    remaining: limits.maxUncompressedBytes,
  };
  const source = await peeked(input);
  if (!source.head) throw new ImageReadError(`${label}: the archive is empty`);
  const compression = compressionOf(source.head);
  let compressedBytes = 0;
  const counted = (async function* count() {
    for await (const chunk of source.chunks) {
      compressedBytes += chunk.length;
      yield chunk;
    }
  })();
  const extract = tar.extract();
  const stages: unknown[] = [Readable.from(counted)];
  if (compression !== 'none') {
    // The archive's own compression expands into the same byte budget as its layers.
    stages.push(
      decompressorFor(compression, label),
      new DecompressionGuard(
        () => compressedBytes,
        { remaining: limits.maxUncompressedBytes },
        limits,
        label,
      ),
    );
  }
  stages.push(extract);

  const reading = (async () => {
    let entries = 0;
    for await (const entry of extract) {
      entries += 1;
      if (entries > limits.maxEntries) {
        throw new ImageReadError(
          `${label}: more than ${limits.maxEntries} entries (limit)`,
        );
      }
      const name = normalizeEntryPath(
        entry.header.name,
        label,
        limits.maxPathLength,
      );
      const where = `${label}: ${name}`;
      const isFile =
        entry.header.type === 'file' || entry.header.type === 'contiguous-file';
      if (
        isFile &&
        (JSON_NAME.test(name) ||
          BLOB_NAME.test(name) ||
          LEGACY_LAYER.test(name))
      ) {
        const blob = await peeked(chunksOf(entry));
        if (blob.head && looksLikeJson(blob.head) && !LEGACY_LAYER.test(name)) {
          documents.set(
            name,
            await readJsonBlob(blob.chunks, where, limits.maxJsonBytes),
          );
        } else if (!JSON_NAME.test(name) || LEGACY_LAYER.test(name)) {
          layers.set(name, await scanLayer(blob.chunks, where, limits, budget));
        } else {
          await drain(blob.chunks);
        }
      } else {
        await drain(chunksOf(entry));
      }
    }
  })();
  try {
    await Promise.all([
      (pipeline as (...streams: unknown[]) => Promise<void>)(...stages),
      reading,
    ]);
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
    readJson: async name => documents.get(name),
    scanLayer: async name => layers.get(name),
  };
}

async function drain(chunks: AsyncIterable<Buffer>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for await (const _ of chunks) {
    // skipping the content
  }
}
