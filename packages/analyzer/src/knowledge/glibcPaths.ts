/*
 * Files and directories that only exist on glibc systems: the dynamic
 * loader every glibc executable names as its interpreter, glibc itself and
 * Debian's multiarch library directories.
 */

const GLIBC_PATHS: Array<{ pattern: RegExp; what: string }> = [
  {
    pattern: /ld-linux(-x86-64|-aarch64|-armhf)?\.so\.\d/,
    what: 'the glibc dynamic loader',
  },
  { pattern: /(^|\/)lib64\/ld-/, what: 'the glibc dynamic loader' },
  { pattern: /(^|\/)libc\.so\.6\b/, what: 'glibc itself (libc.so.6)' },
  {
    pattern:
      /\/(usr\/)?lib\/(x86_64|aarch64|i386|arm|powerpc64le|s390x)-linux-gnu(eabihf)?(\/|$|:)/,
    what: 'a Debian multiarch (glibc) library directory',
  },
];

/** What glibc-only path a text names, if any. */
export function glibcPathIn(text: string): string | undefined {
  return GLIBC_PATHS.find(entry => entry.pattern.test(text))?.what;
}

/** sgerrand's alpine-pkg-glibc installs into this prefix. */
export const GLIBC_COMPAT_PREFIX = '/usr/glibc-compat';
