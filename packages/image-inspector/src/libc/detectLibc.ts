import type { ImageFilesystem } from '../filesystem/ImageFilesystem';
import type { LibcVerdict } from '../types';
import { parseOsRelease } from './parseOsRelease';

const MUSL_LOADER_PATH = /^(usr\/)?lib\/ld-musl-[a-z0-9_]+\.so\.1$/;
const GLIBC_LOADER_PATH =
  /^(usr\/)?lib(64|32|x32)?\/([a-z0-9_]+-linux-gnu[a-z0-9_]*\/)?ld-linux[a-z0-9_-]*\.so\.\d$/;
const SHIM_PACKAGES = ['gcompat', 'libc6-compat'];
/** gcompat's library: present means the shim is, even without an apk database. */
const GCOMPAT_LIBRARY = /^(usr\/)?lib\/libgcompat\.so\.\d+$/;

/**
 * Decides the image's libc from its files, not its name: musl's loader
 * (`/lib/ld-musl-<arch>.so.1`) makes it musl whatever else is there (a
 * glibc loader next to it is a shim's); glibc's loader alone makes it
 * glibc; neither makes it `none` (scratch, static binaries). os-release and
 * alpine-release name the distribution.
 */
export function detectLibc(filesystem: ImageFilesystem): LibcVerdict {
  const muslLoaders: string[] = [];
  const glibcLoaders: string[] = [];
  let apkPackages: string[] = [];
  let gcompatLibrary: string | undefined;
  for (const entry of filesystem.entries()) {
    if (entry.type === 'directory') continue;
    if (MUSL_LOADER_PATH.test(entry.path)) muslLoaders.push(`/${entry.path}`);
    else if (GLIBC_LOADER_PATH.test(entry.path))
      glibcLoaders.push(`/${entry.path}`);
    else if (GCOMPAT_LIBRARY.test(entry.path))
      gcompatLibrary = `/${entry.path}`;
    if (entry.apkPackages) apkPackages = entry.apkPackages;
  }
  const osRelease =
    filesystem.resolve('etc/os-release')?.entry.text ??
    filesystem.resolve('usr/lib/os-release')?.entry.text;
  const release = osRelease ? parseOsRelease(osRelease) : {};
  const alpineRelease = filesystem
    .resolve('etc/alpine-release')
    ?.entry.text?.trim();

  const evidence: string[] = [];
  let libc: LibcVerdict['libc'];
  if (muslLoaders.length > 0) {
    libc = 'musl';
    evidence.push(...muslLoaders.sort());
  } else if (glibcLoaders.length > 0) {
    libc = 'glibc';
    evidence.push(...glibcLoaders.sort());
  } else {
    libc = 'none';
  }
  if (osRelease) evidence.push('/etc/os-release');
  if (alpineRelease) evidence.push('/etc/alpine-release');

  const shims =
    libc === 'musl'
      ? SHIM_PACKAGES.filter(name => apkPackages.includes(name))
      : [];
  if (libc === 'musl' && gcompatLibrary && !shims.includes('gcompat')) {
    shims.push('gcompat');
  }
  return {
    libc,
    distro: release.ID ?? (alpineRelease ? 'alpine' : undefined),
    distroVersion: release.VERSION_ID ?? alpineRelease,
    evidence,
    shims,
  };
}
