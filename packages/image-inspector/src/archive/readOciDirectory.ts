import fs from 'node:fs';
import path from 'node:path';
import { ImageReadError } from '../ImageReadError';
import type { ImageLimits } from '../limits';
import { ScanBudget, scanLayer } from '../layers/scanLayer';
import type { ArchiveContents } from './ArchiveContents';
import { fileChunks } from './fileChunks';
import { readJsonBlob } from './readJsonBlob';

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
    return fileChunks(file);
  };
  return {
    label,
    readJson: async name => {
      const chunks = open(name);
      return chunks
        ? readJsonBlob(chunks, `${label}/${name}`, limits.maxJsonBytes)
        : undefined;
    },
    scanLayer: async name => {
      const chunks = open(name);
      if (!chunks) return undefined;
      try {
        return await scanLayer(chunks, `${label}/${name}`, limits, budget);
      } finally {
        // Closes the file when the scan stopped early.
        await chunks.return(undefined);
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
