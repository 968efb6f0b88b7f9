import path from 'node:path';
import { linkedLibc } from '../libc/loaders';
import type { ImageFinding } from '../types';
import {
  CheckContext,
  ElfEntry,
  findingAt,
  glibcOnMuslSeverity,
  shimNote,
} from './CheckContext';

/** Runtimes whose core library names them; the runtime's home is reported once. */
const RUNTIMES: Array<{
  library: RegExp;
  name: string;
  home: (file: string) => string;
}> = [
  {
    library: /\/libjvm\.so$/,
    name: 'JDK/JRE',
    home: file => file.replace(/\/lib(\/[^/]+)?\/libjvm\.so$/, ''),
  },
  {
    library: /\/libcoreclr\.so$/,
    name: '.NET runtime',
    home: file => path.posix.dirname(file),
  },
];

/**
 * Shared objects linked against glibc in a musl image: node addons (`.node`),
 * a JDK or .NET runtime built for glibc (one finding per runtime), and any
 * other library. Executables are the loader check's; .so files of a
 * manylinux wheel are its finding's.
 */
export function glibcLinkedFiles(
  context: CheckContext,
  elves: ElfEntry[],
  coveredFolders: Set<string>,
): ImageFinding[] {
  if (context.libc.libc !== 'musl') return [];
  const findings: ImageFinding[] = [];
  const glibcObjects = elves.filter(
    entry =>
      entry.elf.kind === 'shared-object' && linkedLibc(entry.elf) === 'glibc',
  );
  const runtimeHomes: string[] = [];
  for (const entry of glibcObjects) {
    const file = `/${entry.path}`;
    const runtime = RUNTIMES.find(candidate => candidate.library.test(file));
    if (!runtime) continue;
    const home = runtime.home(file);
    runtimeHomes.push(`${home}/`);
    findings.push(
      findingAt(
        context,
        entry,
        {
          ruleId: 'image-glibc-runtime-on-musl',
          severity: glibcOnMuslSeverity(context),
          message: `The ${
            runtime.name
          } at ${home} is built for glibc (${path.posix.basename(
            file,
          )} needs ${glibcNeeds(entry)}) in a musl image.${shimNote(context)}`,
          remediation:
            runtime.name === 'JDK/JRE'
              ? 'Use an Alpine build of the JDK (e.g. eclipse-temurin:<version>-alpine or apk add openjdk<version>).'
              : 'Use the .NET Alpine images (mcr.microsoft.com/dotnet/runtime:<version>-alpine) or publish for linux-musl-x64.',
        },
        home,
      ),
    );
  }
  for (const entry of glibcObjects) {
    const file = `/${entry.path}`;
    if (runtimeHomes.some(home => file.startsWith(home))) continue;
    if (RUNTIMES.some(candidate => candidate.library.test(file))) continue;
    if ([...coveredFolders].some(folder => entry.path.startsWith(`${folder}/`)))
      continue;
    const addon = entry.path.endsWith('.node');
    findings.push(
      findingAt(context, entry, {
        ruleId: addon
          ? 'image-glibc-node-addon-on-musl'
          : 'image-glibc-library-on-musl',
        severity: glibcOnMuslSeverity(context),
        message: `${file} is ${
          addon ? 'a node addon' : 'a shared library'
        } linked against glibc (needs ${glibcNeeds(
          entry,
        )}) in a musl image.${shimNote(context)}`,
        remediation: addon
          ? 'Run npm ci / yarn install in the Alpine stage so the addon is built or downloaded for musl (linuxmusl prebuilds), and keep host node_modules out of the build context.'
          : 'Install the Alpine package of the library or build it in an Alpine stage.',
      }),
    );
  }
  return findings;
}

function glibcNeeds(entry: ElfEntry): string {
  const glibc = entry.elf.needed.filter(
    soname => linkedLibc({ needed: [soname] }) === 'glibc',
  );
  return glibc.length > 0 ? glibc.join(', ') : entry.elf.needed.join(', ');
}
