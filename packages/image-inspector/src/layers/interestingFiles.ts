/**
 * The small text files whose content decides the image's libc, its loader
 * search path or a Python package's platform. Everything else is only
 * sniffed for the ELF magic.
 */
const TEXT_FILES: RegExp[] = [
  /^(etc|usr\/lib)\/os-release$/,
  /^etc\/alpine-release$/,
  /^etc\/ld-musl-[^/]+\.path$/,
  /^etc\/ld\.so\.conf$/,
  /^etc\/ld\.so\.conf\.d\/[^/]+\.conf$/,
  /\.dist-info\/WHEEL$/,
];

export function wantsText(path: string): boolean {
  return TEXT_FILES.some(pattern => pattern.test(path));
}

/** apk's database of installed packages: its `P:` lines name them. */
export const APK_DATABASE = 'lib/apk/db/installed';
