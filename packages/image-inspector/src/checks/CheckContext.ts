import type {
  ImageFilesystem,
  MergedEntry,
} from '../filesystem/ImageFilesystem';
import type { ElfFacts } from '../elf/ElfFacts';
import type {
  ImageFinding,
  ImageLayer,
  ImageSeverity,
  LibcVerdict,
} from '../types';

/** What every check reads: the merged file system, its libc and its layers. */
export interface CheckContext {
  filesystem: ImageFilesystem;
  libc: LibcVerdict;
  layers: ImageLayer[];
  /** The image config's environment (LD_LIBRARY_PATH matters to the loader). */
  env: Record<string, string>;
}

/** An ELF file of the merged image. */
export type ElfEntry = MergedEntry & { elf: ElfFacts };

export function elfEntries(context: CheckContext): ElfEntry[] {
  const found: ElfEntry[] = [];
  for (const entry of context.filesystem.entries()) {
    if (entry.type === 'file' && entry.elf) found.push(entry as ElfEntry);
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** A finding at an entry, located by path, layer and the layer's history line. */
export function findingAt(
  context: CheckContext,
  entry: MergedEntry,
  finding: {
    ruleId: string;
    severity: ImageSeverity;
    message: string;
    remediation: string;
  },
  path = `/${entry.path}`,
): ImageFinding {
  const layer = context.layers[entry.layer];
  return {
    ...finding,
    location: {
      path,
      layer: entry.layer,
      layerDigest: layer?.digest ?? '',
      createdBy: layer?.createdBy,
    },
  };
}

/** With a shim installed, glibc binaries on musl may start: a warning, not a certain break. */
export function glibcOnMuslSeverity(context: CheckContext): ImageSeverity {
  return context.libc.shims.length > 0 ? 'warning' : 'error';
}

export function shimNote(context: CheckContext): string {
  return context.libc.shims.length > 0
    ? ` ${context.libc.shims.join(
        ' and ',
      )} may let it start, but covers only part of glibc's ABI (symbol versions, NSS, locales fail at run time).`
    : '';
}
