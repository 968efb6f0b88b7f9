import path from 'node:path';
import {
  isGlibcLoader,
  isGlibcSoname,
  isMuslLoader,
  isMuslReserved,
} from '../libc/loaders';
import type { ImageFinding } from '../types';
import { CheckContext, ElfEntry, findingAt } from './CheckContext';
import { librarySearchPath, systemLibraryPath } from './librarySearchPath';

/**
 * DT_NEEDED libraries that resolve nowhere in the image along the loader's
 * search path: the program fails at start with "Error loading shared
 * library". glibc's own sonames on a musl image are left to the glibc
 * checks, which say why; executables whose loader is the other libc's are
 * already reported whole.
 */
export function unresolvedLibraries(
  context: CheckContext,
  elves: ElfEntry[],
): ImageFinding[] {
  const systemPath = systemLibraryPath(context);
  const findings: ImageFinding[] = [];
  const libc = context.libc.libc;
  for (const entry of elves) {
    const { interpreter, needed } = entry.elf;
    if (needed.length === 0) continue;
    if (interpreter && libc === 'musl' && isGlibcLoader(interpreter)) continue;
    if (interpreter && libc === 'glibc' && isMuslLoader(interpreter)) continue;
    const searched = librarySearchPath(context, entry, systemPath);
    const missing = needed.filter(soname => {
      if (libc === 'musl' && isGlibcSoname(soname)) return false;
      if (libc === 'musl' && isMuslReserved(soname)) return false; // the loader itself
      return !resolves(context, soname, searched);
    });
    if (missing.length === 0) continue;
    findings.push(
      findingAt(context, entry, {
        ruleId: 'image-unresolved-library',
        severity: 'error',
        message: `/${entry.path} needs ${missing.join(', ')}, which ${
          missing.length === 1 ? 'resolves' : 'resolve'
        } nowhere in the image (searched ${searched
          .map(dir => `/${dir.replace(/^\//, '')}`)
          .join(':')}).`,
        remediation:
          'Install the package that provides the library in the final stage (apk add …), or copy it from the build stage.',
      }),
    );
  }
  return findings;
}

function resolves(
  context: CheckContext,
  soname: string,
  directories: string[],
): boolean {
  if (soname.includes('/')) return isFile(context, soname);
  return directories.some(directory =>
    isFile(context, path.posix.join(directory, soname)),
  );
}

function isFile(context: CheckContext, file: string): boolean {
  return (
    context.filesystem.resolve(file.replace(/^\/+/, ''))?.entry.type === 'file'
  );
}
