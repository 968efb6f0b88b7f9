import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import {
  compressionOf,
  decompressorFor,
  DecompressionGuard,
} from '../archive/decompressed';
import { normalizeEntryPath } from '../archive/normalizeEntryPath';
import { ElfStreamReader } from '../elf/ElfStreamReader';
import { ImageReadError } from '../ImageReadError';
import type { ImageLimits } from '../limits';
import { APK_DATABASE, wantsText } from './interestingFiles';
import type { LayerEntry, LayerScan } from './LayerScan';
import { ApkPackageNames } from './ApkPackageNames';
import { peeked } from '../archive/peeked';
import { chunksOf } from '../archive/chunksOf';

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';

/** Shared across the layers of one image: entries and bytes still allowed. */
export interface ScanBudget {
  entries: number;
  remaining: number;
}

/**
 * Reads one layer blob (tar, gzip or zstd tar) as it streams: each entry's
 * path, type and link, the ELF loader facts of binaries and the text of the
 * few files the checks read. File content is looked at chunk by chunk and
 * dropped; nothing is written anywhere.
 */
export async function scanLayer(
  blob: AsyncIterable<Buffer>,
  where: string,
  limits: ImageLimits,
  budget: ScanBudget,
): Promise<LayerScan> {
  const scan: LayerScan = {
    entries: [],
    whiteouts: [],
    opaqueDirectories: [],
    entryCount: 0,
    bytes: 0,
  };
  const source = await peeked(blob);
  if (!source.head) return scan; // an empty blob: an empty layer
  const compression = compressionOf(source.head);
  let compressedBytes = 0;
  const counted = (async function* count() {
    for await (const chunk of source.chunks) {
      compressedBytes += chunk.length;
      yield chunk;
    }
  })();
  const guard = new DecompressionGuard(
    () => (compression === 'none' ? Number.MAX_SAFE_INTEGER : compressedBytes),
    // The byte budget counts entry sizes in readEntries; the guard stops bombs.
    { remaining: limits.maxUncompressedBytes },
    limits,
    where,
  );
  const extract = tar.extract();
  const reading = readEntries(extract, scan, where, limits, budget);
  // An uncompressed layer is bounded by its entries' sizes (readEntries);
  // only decompression needs the guard, which costs a stream hop per chunk.
  const stages =
    compression === 'none'
      ? [Readable.from(source.chunks), extract]
      : [
          Readable.from(counted),
          decompressorFor(compression, where),
          guard,
          extract,
        ];
  try {
    await Promise.all([
      (pipeline as (...streams: unknown[]) => Promise<void>)(...stages),
      reading,
    ]);
  } catch (error) {
    throw asReadError(error, where);
  }
  return scan;
}

async function readEntries(
  extract: tar.Extract,
  scan: LayerScan,
  where: string,
  limits: ImageLimits,
  budget: ScanBudget,
): Promise<void> {
  for await (const entry of extract) {
    scan.entryCount += 1;
    budget.entries -= 1;
    if (budget.entries < 0) {
      throw new ImageReadError(
        `${where}: more than ${limits.maxEntries} entries across the layers (limit)`,
      );
    }
    const header = entry.header;
    budget.remaining -= header.size ?? 0;
    if (budget.remaining < 0) {
      throw new ImageReadError(
        `${where}: the image expands past ${limits.maxUncompressedBytes} bytes uncompressed (limit)`,
      );
    }
    const path = normalizeEntryPath(header.name, where, limits.maxPathLength);
    const slash = path.lastIndexOf('/');
    const base = path.slice(slash + 1);
    const parent = slash === -1 ? '' : path.slice(0, slash);
    if (base === OPAQUE_MARKER) {
      scan.opaqueDirectories.push(parent);
      await drain(chunksOf(entry));
      continue;
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const hidden = base.slice(WHITEOUT_PREFIX.length);
      scan.whiteouts.push(parent ? `${parent}/${hidden}` : hidden);
      await drain(chunksOf(entry));
      continue;
    }
    const recorded = toEntry(path, header, where, limits);
    if (recorded.type === 'file') {
      scan.bytes += await readContent(chunksOf(entry), recorded, limits);
    } else {
      await drain(chunksOf(entry));
    }
    if (path !== '') scan.entries.push(recorded);
  }
}

function toEntry(
  path: string,
  header: tar.Header,
  where: string,
  limits: ImageLimits,
): LayerEntry {
  switch (header.type) {
    case 'file':
    case 'contiguous-file':
      return { path, type: 'file', size: header.size ?? 0 };
    case 'directory':
      return { path, type: 'directory', size: 0 };
    case 'symlink':
      return {
        path,
        type: 'symlink',
        size: 0,
        linkTarget: header.linkname ?? '',
      };
    case 'link':
      return {
        path,
        type: 'hardlink',
        size: 0,
        linkTarget: normalizeEntryPath(
          header.linkname ?? '',
          where,
          limits.maxPathLength,
        ),
      };
    default:
      return { path, type: 'other', size: 0 };
  }
}

/** Streams one file's bytes past the readers that want them; returns the byte count. */
async function readContent(
  entry: AsyncIterable<Buffer>,
  recorded: LayerEntry,
  limits: ImageLimits,
): Promise<number> {
  const textWanted = wantsText(recorded.path);
  const apk =
    recorded.path === APK_DATABASE ? new ApkPackageNames() : undefined;
  const text: Buffer[] = [];
  let textBytes = 0;
  let elf: ElfStreamReader | undefined;
  let sniffed: Buffer | undefined;
  let bytes = 0;
  for await (const chunk of entry) {
    if (textWanted && textBytes < limits.maxTextBytes) {
      text.push(chunk);
      textBytes += chunk.length;
    }
    apk?.feed(chunk);
    if (elf) {
      elf.feed(chunk);
    } else if (bytes < 4) {
      // Most files are not ELF: decide from the first four bytes and stop looking.
      sniffed = sniffed ? Buffer.concat([sniffed, chunk]) : chunk;
      if (sniffed.length >= 4 && isElfMagic(sniffed)) {
        elf = new ElfStreamReader(limits.maxElfCaptureBytes);
        elf.feed(sniffed);
      }
    }
    bytes += chunk.length;
  }
  if (elf) recorded.elf = elf.finish();
  if (textWanted) {
    recorded.text = Buffer.concat(text)
      .subarray(0, limits.maxTextBytes)
      .toString('utf8');
  }
  if (apk) recorded.apkPackages = apk.finish();
  return bytes;
}

function isElfMagic(bytes: Buffer): boolean {
  return (
    bytes[0] === 0x7f &&
    bytes[1] === 0x45 &&
    bytes[2] === 0x4c &&
    bytes[3] === 0x46
  );
}

async function drain(entry: AsyncIterable<Buffer>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for await (const _ of entry) {
    // skipping the content
  }
}

function asReadError(error: unknown, where: string): Error {
  if (error instanceof ImageReadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ImageReadError(
    `${where}: not a readable layer (${message}); the archive may be truncated or corrupt`,
  );
}
