import type { ElfFacts } from '../elf/ElfFacts';

/** One entry of a layer tar, reduced to what the checks need. */
export interface LayerEntry {
  /** Normalised path inside the image, without a leading slash: `usr/lib/libz.so.1`. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';
  /** Symlink target as written, or the hard link's normalised source path. */
  linkTarget?: string;
  size: number;
  elf?: ElfFacts;
  /** Content of the small text files the checks read (os-release, WHEEL, loader paths). */
  text?: string;
  /** Package names from an apk database (`P:` lines of /lib/apk/db/installed). */
  apkPackages?: string[];
}

/** What one layer adds and removes, read in one pass over its tar. */
export interface LayerScan {
  entries: LayerEntry[];
  /** Paths a `.wh.` file deletes from the layers below. */
  whiteouts: string[];
  /** Directories whose lower-layer contents `.wh..wh..opq` hides. */
  opaqueDirectories: string[];
  entryCount: number;
  bytes: number;
}
