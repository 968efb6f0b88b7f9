/*
 * Names that say which libc a binary was linked for. glibc's loaders and
 * sonames are fixed by its ABI per architecture; musl has one loader per
 * architecture and `libc.musl-<arch>.so.1` as its libc soname.
 */

/** `PT_INTERP` of glibc binaries: /lib64/ld-linux-x86-64.so.2, /lib/ld-linux-aarch64.so.1, /lib/ld-linux.so.2… */
const GLIBC_LOADER =
  /\/ld-linux(-[a-z0-9_-]+)?\.so\.\d$|\/ld64\.so\.[12]$|\/ld\.so\.1$/;
const MUSL_LOADER = /\/ld-musl-[a-z0-9_]+\.so\.1$/;

/** Sonames only glibc provides (musl folds them into its one libc). */
const GLIBC_SONAMES = new Set([
  'libc.so.6',
  'libm.so.6',
  'libpthread.so.0',
  'libdl.so.2',
  'librt.so.1',
  'libresolv.so.2',
  'libutil.so.1',
  'libanl.so.1',
  'libBrokenLocale.so.1',
  'libnss_files.so.2',
  'libnss_dns.so.2',
]);

export function isGlibcLoader(interpreter: string): boolean {
  return GLIBC_LOADER.test(interpreter);
}

export function isMuslLoader(interpreter: string): boolean {
  return MUSL_LOADER.test(interpreter);
}

/** True for glibc's libc and its split-out libraries, and its loaders named as needed. */
export function isGlibcSoname(soname: string): boolean {
  return GLIBC_SONAMES.has(soname) || /^ld-linux.*\.so\.\d$/.test(soname);
}

export function isMuslSoname(soname: string): boolean {
  return /^libc\.musl-[a-z0-9_]+\.so\.1$/.test(soname);
}

/** The libc an ELF file was linked for, from its loader or its needed libraries. */
export function linkedLibc(elf: {
  interpreter?: string;
  needed: string[];
}): 'glibc' | 'musl' | undefined {
  if (elf.interpreter && isGlibcLoader(elf.interpreter)) return 'glibc';
  if (elf.interpreter && isMuslLoader(elf.interpreter)) return 'musl';
  if (elf.needed.some(isGlibcSoname)) return 'glibc';
  if (elf.needed.some(isMuslSoname)) return 'musl';
  return undefined;
}

/**
 * Names musl's loader answers with itself instead of searching
 * (ldso/dynlink.c, "reserved"): lib + c, pthread, rt, m, dl, util, xnet,
 * followed by a dot. glibc's libc.so.6 or libm.so.6 therefore "load" on musl
 * and fail later on missing symbols.
 */
export function isMuslReserved(soname: string): boolean {
  return /^lib(c|pthread|rt|m|dl|util|xnet)\./.test(soname);
}
