import { linkedLibc } from '../libc/loaders';
import type { ImageFinding } from '../types';
import { CheckContext, ElfEntry, findingAt } from './CheckContext';

/**
 * gcompat or libc6-compat on a musl image: they let some glibc binaries
 * start, which hides the mismatch until a missing symbol, NSS lookup or
 * locale breaks at run time. Says what the shim masks, or that nothing
 * needs it.
 */
export function glibcShims(
  context: CheckContext,
  elves: ElfEntry[],
): ImageFinding[] {
  const { libc, shims } = context.libc;
  if (libc !== 'musl' || shims.length === 0) return [];
  const anchor =
    context.filesystem.resolve('lib/apk/db/installed')?.entry ??
    [...context.filesystem.entries()].find(entry =>
      /^(usr\/)?lib\/libgcompat\.so/.test(entry.path),
    );
  if (!anchor) return [];
  const masked = elves.filter(entry => linkedLibc(entry.elf) === 'glibc');
  const names = shims.join(' and ');
  if (masked.length === 0) {
    return [
      findingAt(context, anchor, {
        ruleId: 'image-glibc-shim-masking',
        severity: 'info',
        message: `${names} ${
          shims.length === 1 ? 'is' : 'are'
        } installed, but no file in the image is linked against glibc.`,
        remediation: `Remove ${names} from the image: nothing needs it.`,
      }),
    ];
  }
  const sample = masked.slice(0, 3).map(entry => `/${entry.path}`);
  return [
    findingAt(context, anchor, {
      ruleId: 'image-glibc-shim-masking',
      severity: 'warning',
      message: `${names} ${shims.length === 1 ? 'masks' : 'mask'} ${
        masked.length
      } glibc-linked file${masked.length === 1 ? '' : 's'} (${sample.join(
        ', ',
      )}${
        masked.length > 3 ? ', …' : ''
      }): they may start, then fail where the shim lacks glibc's ABI.`,
      remediation:
        'Replace the glibc binaries with musl builds and remove the shim, or base the image on a glibc distribution.',
    }),
  ];
}
