import type { MergedEntry } from '../filesystem/ImageFilesystem';
import type { ImageFinding } from '../types';
import {
  CheckContext,
  findingAt,
  glibcOnMuslSeverity,
  shimNote,
} from './CheckContext';

/** Wheel tags built against glibc: PEP 600 `manylinux_x_y_arch`, the legacy `manylinux1/2010/2014`, plain `linux_arch`. */
const GLIBC_PLATFORM =
  /(^|[-.])(manylinux[0-9_]*_[a-z0-9_]+|linux_[a-z0-9_]+)$/;

/** The `Tag:` lines of a `.dist-info/WHEEL` file. */
export function wheelTags(text: string): string[] {
  return text
    .split('\n')
    .map(line => /^Tag:\s*(\S+)/.exec(line.trim())?.[1])
    .filter((tag): tag is string => Boolean(tag));
}

/**
 * Python packages installed from wheels built for glibc (manylinux) in a
 * musl image: pip picks those only when it was told to (`--platform`,
 * a copied virtualenv or site-packages from a glibc stage), and their
 * extension modules fail to import.
 */
export function manylinuxWheels(context: CheckContext): {
  findings: ImageFinding[];
  /** site-packages folders holding such wheels, whose .so files this finding covers. */
  sitePackages: Set<string>;
} {
  const findings: ImageFinding[] = [];
  const sitePackages = new Set<string>();
  if (context.libc.libc !== 'musl') return { findings, sitePackages };
  const wheels: MergedEntry[] = [];
  for (const entry of context.filesystem.entries()) {
    if (
      entry.type === 'file' &&
      entry.path.endsWith('.dist-info/WHEEL') &&
      entry.text
    )
      wheels.push(entry);
  }
  wheels.sort((a, b) => a.path.localeCompare(b.path));
  for (const wheel of wheels) {
    const glibcTags = wheelTags(wheel.text!).filter(tag =>
      GLIBC_PLATFORM.test(tag),
    );
    if (glibcTags.length === 0) continue;
    const distInfo = wheel.path.slice(0, -'/WHEEL'.length);
    sitePackages.add(distInfo.slice(0, distInfo.lastIndexOf('/')));
    const name = distInfo
      .slice(distInfo.lastIndexOf('/') + 1)
      .replace(/\.dist-info$/, '');
    findings.push(
      findingAt(context, wheel, {
        ruleId: 'image-manylinux-wheel-on-musl',
        severity: glibcOnMuslSeverity(context),
        message: `${name} was installed from a glibc wheel (${glibcTags.join(
          ', ',
        )}) in a musl image: its extension modules link glibc.${shimNote(
          context,
        )}`,
        remediation:
          'Install it with pip in the Alpine stage itself (it picks musllinux wheels or builds from source), instead of copying site-packages or forcing --platform manylinux.',
      }),
    );
  }
  return { findings, sitePackages };
}
