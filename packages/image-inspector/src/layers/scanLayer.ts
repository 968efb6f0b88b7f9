import { once } from 'node:events';
import { pipeline, Transform } from 'node:stream';
import {
  compressionOf,
  decompressorFor,
  DecompressionGuard,
} from '../archive/decompressed';
import { normalizeEntryPath } from '../archive/normalizeEntryPath';
import { SniffedSink } from '../archive/SniffedSink';
import { ChunkSink, TarHeader, TarParser } from '../archive/TarParser';
import { ElfStreamReader } from '../elf/ElfStreamReader';
import { ImageReadError } from '../ImageReadError';
import type { ImageLimits } from '../limits';
import { APK_DATABASE, wantsText } from './interestingFiles';
import type { LayerEntry, LayerScan } from './LayerScan';
import { ApkPackageNames } from './ApkPackageNames';

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
/** Enough of a blob's start to recognise gzip and zstd. */
const MAGIC_BYTES = 4;
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

/** Shared across the layers of one image: entries and bytes still allowed. */
export interface ScanBudget {
  entries: number;
  remaining: number;
}

function toEntry(
  path: string,
  header: TarHeader,
  where: string,
  limits: ImageLimits,
): LayerEntry {
  switch (header.type) {
    case 'file':
    case 'contiguous-file':
      return { path, type: 'file', size: header.size };
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

/**
 * One file's bytes as they pass: sniffed for the ELF magic (most files
 * stop there), fed to the ELF reader, the apk database reader or kept as
 * text when a check needs them; otherwise only counted.
 */
class FileContentReader implements ChunkSink {
  private readonly textWanted: boolean;
  private readonly text: Buffer[] = [];
  private textBytes = 0;
  private readonly apk?: ApkPackageNames;
  private elf?: ElfStreamReader;
  /** The first bytes, copied while fewer than the ELF magic have passed. */
  private readonly magic = Buffer.alloc(ELF_MAGIC.length);
  private bytes = 0;

  constructor(
    private readonly recorded: LayerEntry,
    private readonly limits: ImageLimits,
    private readonly onEnd: (bytes: number) => void,
  ) {
    this.textWanted = wantsText(recorded.path);
    if (recorded.path === APK_DATABASE) this.apk = new ApkPackageNames();
  }

  write(chunk: Buffer): void {
    if (this.textWanted && this.textBytes < this.limits.maxTextBytes) {
      const kept = chunk.subarray(0, this.limits.maxTextBytes - this.textBytes);
      this.text.push(Buffer.from(kept));
      this.textBytes += kept.length;
    }
    this.apk?.feed(chunk);
    if (this.elf) {
      this.elf.feed(chunk);
    } else if (this.bytes < ELF_MAGIC.length) {
      this.sniff(chunk);
    }
    this.bytes += chunk.length;
  }

  end(): void {
    const { recorded } = this;
    if (this.elf) recorded.elf = this.elf.finish();
    if (this.textWanted) {
      recorded.text = Buffer.concat(this.text).toString('utf8');
    }
    if (this.apk) recorded.apkPackages = this.apk.finish();
    this.onEnd(this.bytes);
  }

  /** Most files are not ELF: decide from the first four bytes and stop looking. */
  private sniff(chunk: Buffer): void {
    const before = this.bytes;
    const copied = chunk.copy(this.magic, before);
    if (before + copied < ELF_MAGIC.length) return;
    if (!this.magic.equals(ELF_MAGIC)) return;
    this.elf = new ElfStreamReader(this.limits.maxElfCaptureBytes);
    // The magic's bytes from earlier pieces, then this piece whole.
    if (before > 0) this.elf.feed(this.magic.subarray(0, before));
    this.elf.feed(chunk);
  }
}

/**
 * Reads one layer blob (tar, gzip or zstd tar) as its bytes are pushed:
 * each entry's path, type and link, the ELF loader facts of binaries and
 * the text of the few files the checks read. File content is looked at
 * piece by piece as it passes and dropped; nothing is copied but the
 * bytes a check keeps, nothing is written anywhere. An uncompressed layer
 * is read synchronously; a compressed one through a decompressor, whose
 * backpressure `ready()` reports.
 */
export class LayerReader implements ChunkSink {
  private readonly scan: LayerScan = {
    entries: [],
    whiteouts: [],
    opaqueDirectories: [],
    entryCount: 0,
    bytes: 0,
  };
  private readonly input: SniffedSink;
  private readonly tar: TarParser;
  private decompressor?: Transform;
  private decompressed?: Promise<void>;
  private drained?: Promise<unknown>;
  private failure?: Error;
  private compressedBytes = 0;

  constructor(
    private readonly where: string,
    private readonly limits: ImageLimits,
    private readonly budget: ScanBudget,
  ) {
    this.tar = new TarParser(header => this.entry(header));
    this.input = new SniffedSink(MAGIC_BYTES, head => this.route(head));
  }

  write(chunk: Buffer): void {
    this.compressedBytes += chunk.length;
    this.guarded(() => this.input.write(chunk));
  }

  end(): void {
    this.guarded(() => this.input.end());
  }

  /** Resolves when the decompressor wants more (at once when there is none); rejects on its errors. */
  async ready(): Promise<void> {
    const drained = this.drained;
    this.drained = undefined;
    if (drained) await Promise.race([drained, this.decompressed]);
  }

  /** The scan, once end() was called and the last bytes were read. */
  async result(): Promise<LayerScan> {
    await this.decompressed;
    return this.scan;
  }

  private route(head: Buffer): ChunkSink | undefined {
    // An empty blob is an empty layer.
    if (head.length === 0) return undefined;
    const compression = compressionOf(head);
    if (compression === 'none') return this.tar;
    return this.decompress(decompressorFor(compression, this.where));
  }

  /**
   * The compressed bytes go through the decompressor (copied: pieces are
   * lent) and a guard that stops decompression bombs; what comes out is
   * parsed as it comes.
   */
  private decompress(decompressor: Transform): ChunkSink {
    const guard = new DecompressionGuard(
      () => this.compressedBytes,
      // The byte budget counts entry sizes in entry(); the guard stops bombs.
      { remaining: this.limits.maxUncompressedBytes },
      this.limits,
      this.where,
    );
    guard.on('data', (chunk: Buffer) => {
      try {
        this.tar.write(chunk);
      } catch (error) {
        guard.destroy(error as Error);
      }
    });
    this.decompressor = decompressor;
    this.decompressed = new Promise<void>((resolve, reject) => {
      pipeline(decompressor, guard, error => {
        if (!error) {
          resolve();
          return;
        }
        this.failure = asReadError(error, this.where);
        reject(this.failure);
      });
    }).then(() => this.guarded(() => this.tar.end()));
    this.decompressed.catch(() => undefined);
    return {
      write: chunk => {
        if (this.failure) throw this.failure;
        if (!decompressor.write(Buffer.from(chunk))) {
          this.drained = once(decompressor, 'drain');
          this.drained.catch(() => undefined);
        }
      },
      end: () => decompressor.end(),
    };
  }

  private entry(header: TarHeader): ChunkSink | undefined {
    const { scan, budget, limits, where } = this;
    scan.entryCount += 1;
    budget.entries -= 1;
    if (budget.entries < 0) {
      throw new ImageReadError(
        `${where}: more than ${limits.maxEntries} entries across the layers (limit)`,
      );
    }
    budget.remaining -= header.size;
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
      return undefined;
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const hidden = base.slice(WHITEOUT_PREFIX.length);
      scan.whiteouts.push(parent ? `${parent}/${hidden}` : hidden);
      return undefined;
    }
    const recorded = toEntry(path, header, where, limits);
    if (path !== '') scan.entries.push(recorded);
    if (recorded.type !== 'file') return undefined;
    return new FileContentReader(recorded, limits, bytes => {
      scan.bytes += bytes;
    });
  }

  /** Runs a step of parsing; its failure names the layer. */
  private guarded(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.decompressor?.destroy();
      throw asReadError(error, this.where);
    }
  }
}

/**
 * Reads one layer blob from an async source (an OCI layout's blob file).
 * See LayerReader.
 */
export async function scanLayer(
  blob: AsyncIterable<Buffer>,
  where: string,
  limits: ImageLimits,
  budget: ScanBudget,
): Promise<LayerScan> {
  const reader = new LayerReader(where, limits, budget);
  for await (const chunk of blob) {
    reader.write(chunk);
    await reader.ready();
  }
  reader.end();
  return reader.result();
}

function asReadError(error: unknown, where: string): Error {
  if (error instanceof ImageReadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ImageReadError(
    `${where}: not a readable layer (${message}); the archive may be truncated or corrupt`,
  );
}
