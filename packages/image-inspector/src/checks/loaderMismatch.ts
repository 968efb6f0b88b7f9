import { isGlibcLoader, isMuslLoader } from '../libc/loaders';
import type { ImageFinding } from '../types';
import {
  CheckContext,
  ElfEntry,
  findingAt,
  glibcOnMuslSeverity,
  shimNote,
} from './CheckContext';

/**
 * Executables whose PT_INTERP names the other libc's loader: a glibc binary
 * on a musl image (or the reverse) fails with "not found" although the file
 * is there, because the kernel cannot start its loader. On musl, a shim's
 * loader can make it start, which lowers the finding to a warning.
 */
export function loaderMismatch(
  context: CheckContext,
  elves: ElfEntry[],
): ImageFinding[] {
  const findings: ImageFinding[] = [];
  for (const entry of elves) {
    const interpreter = entry.elf.interpreter;
    if (!interpreter) continue;
    const loaderPresent = Boolean(context.filesystem.resolve(interpreter));
    if (context.libc.libc === 'musl' && isGlibcLoader(interpreter)) {
      findings.push(
        findingAt(context, entry, {
          ruleId: 'image-glibc-binary-on-musl',
          severity: loaderPresent ? glibcOnMuslSeverity(context) : 'error',
          message: `/${
            entry.path
          } is a glibc executable (PT_INTERP ${interpreter}) in a musl image.${
            loaderPresent
              ? shimNote(context)
              : ' Its loader is not in the image: it fails with "not found".'
          }`,
          remediation:
            'Install the Alpine package of the program, build it in an Alpine stage, or base the image on a glibc distribution.',
        }),
      );
    } else if (
      context.libc.libc === 'glibc' &&
      isMuslLoader(interpreter) &&
      !loaderPresent
    ) {
      findings.push(
        findingAt(context, entry, {
          ruleId: 'image-musl-binary-on-glibc',
          severity: 'error',
          message: `/${entry.path} is a musl executable (PT_INTERP ${interpreter}) in a glibc image without musl's loader: it fails with "not found".`,
          remediation:
            'Build the program in a stage of the same distribution as the final image, or link it statically.',
        }),
      );
    }
  }
  return findings;
}
