import path from 'node:path';
import type { ElfEntry, CheckContext } from './CheckContext';

const MUSL_DEFAULT = ['lib', 'usr/local/lib', 'usr/lib'];
const GLIBC_DEFAULT = ['lib', 'usr/lib', 'lib64', 'usr/lib64'];

/**
 * The directories the loader searches for one file's DT_NEEDED libraries,
 * in its order. musl: RPATH and RUNPATH alike, LD_LIBRARY_PATH, then
 * /etc/ld-musl-<arch>.path when it exists, else /lib:/usr/local/lib:/usr/lib.
 * glibc: RPATH (ignored when RUNPATH is set), LD_LIBRARY_PATH, RUNPATH,
 * the directories of /etc/ld.so.conf (which ld.so.cache is built from),
 * then the defaults with Debian's multiarch folders. `$ORIGIN` is the
 * file's own folder.
 */
export function librarySearchPath(
  context: CheckContext,
  entry: ElfEntry,
  systemPath: string[],
): string[] {
  const origin = path.posix.dirname(`/${entry.path}`);
  const expand = (directory: string) =>
    path.posix.normalize(
      directory
        .replace(/\$\{ORIGIN\}|\$ORIGIN/g, origin)
        .replace(/\$\{?LIB\}?/g, entry.elf.bits === 64 ? 'lib64' : 'lib'),
    );
  const environment = (context.env.LD_LIBRARY_PATH ?? '')
    .split(':')
    .filter(Boolean);
  const { rpath, runpath } = entry.elf;
  if (context.libc.libc === 'musl') {
    return [...rpath, ...runpath, ...environment]
      .map(expand)
      .concat(systemPath);
  }
  return [...(runpath.length === 0 ? rpath : []), ...environment, ...runpath]
    .map(expand)
    .concat(systemPath);
}

/** The loader's own directories after a file's paths: computed once per image. */
export function systemLibraryPath(context: CheckContext): string[] {
  return context.libc.libc === 'musl'
    ? muslSystemPath(context)
    : glibcSystemPath(context);
}

function muslSystemPath(context: CheckContext): string[] {
  for (const entry of context.filesystem.entries()) {
    if (
      /^etc\/ld-musl-[^/]+\.path$/.test(entry.path) &&
      entry.text !== undefined
    ) {
      return entry.text
        .split(/[:\n]/)
        .map(part => part.trim())
        .filter(Boolean);
    }
  }
  return MUSL_DEFAULT;
}

function glibcSystemPath(context: CheckContext): string[] {
  const configured: string[] = [];
  const readConfig = (file: string, depth: number) => {
    const text = context.filesystem.resolve(file)?.entry.text;
    if (!text || depth > 4) return;
    for (const raw of text.split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      if (!line) continue;
      if (line.startsWith('include ')) {
        const pattern = line.slice('include '.length).trim();
        for (const included of matchingConfigs(context, pattern))
          readConfig(included, depth + 1);
      } else {
        configured.push(line);
      }
    }
  };
  readConfig('etc/ld.so.conf', 0);
  const multiarch: string[] = [];
  for (const entry of context.filesystem.entries()) {
    if (
      entry.type === 'directory' &&
      /^(usr\/)?lib\/[a-z0-9_]+-linux-gnu[a-z0-9_]*$/.test(entry.path)
    ) {
      multiarch.push(entry.path);
    }
  }
  return [...configured, ...multiarch.sort(), ...GLIBC_DEFAULT];
}

/** `include /etc/ld.so.conf.d/*.conf`: the config files of that folder present in the image. */
function matchingConfigs(context: CheckContext, pattern: string): string[] {
  const folder = path.posix.dirname(pattern).replace(/^\//, '');
  const found: string[] = [];
  for (const entry of context.filesystem.entries()) {
    if (
      path.posix.dirname(entry.path) === folder &&
      entry.path.endsWith('.conf')
    )
      found.push(entry.path);
  }
  return found.sort();
}
