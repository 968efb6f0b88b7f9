import fs from 'node:fs';
import path from 'node:path';
import { ImageReadError } from '../ImageReadError';
import type { ImageLimits } from '../limits';
import { ScanBudget, scanLayer } from '../layers/scanLayer';
import type { ArchiveContents } from './ArchiveContents';
import { readJsonBlob } from './readJsonBlob';

/** Read size for layer blobs: large reads keep the per-chunk cost of the tar parser low. */
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * An OCI image layout folder (`oci-layout`, `index.json`, `blobs/`). Only
 * `index.json` and names the manifest resolver built from validated digests
 * (`blobs/<algorithm>/<hex>`) are opened, so nothing outside the folder is
 * read whatever the documents say.
 */
export function readOciDirectory(
  directory: string,
  label: string,
  limits: ImageLimits,
): ArchiveContents {
  const budget: ScanBudget = {
    entries: limits.maxEntries,
    remaining: limits.maxUncompressedBytes,
  };
  const open = (name: string) => {
    if (name !== 'index.json' && !/^blobs\/[a-z0-9]+\/[a-f0-9]+$/.test(name)) {
      return undefined;
    }
    const file = path.join(directory, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    return fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  };
  return {
    label,
    readJson: async name => {
      const stream = open(name);
      return stream
        ? readJsonBlob(stream, `${label}/${name}`, limits.maxJsonBytes)
        : undefined;
    },
    scanLayer: async name => {
      const stream = open(name);
      if (!stream) return undefined;
      try {
        return await scanLayer(stream, `${label}/${name}`, limits, budget);
      } finally {
        stream.destroy();
      }
    },
  };
}

/** True when `directory` is an OCI image layout. */
export function isOciDirectory(directory: string): boolean {
  return (
    fs.existsSync(path.join(directory, 'oci-layout')) ||
    fs.existsSync(path.join(directory, 'index.json'))
  );
}

export function missingLayout(label: string): ImageReadError {
  return new ImageReadError(
    `${label}: a folder must be an OCI image layout (oci-layout and index.json)`,
  );
}
