/*
 * Every knowledge table the analyzer decides with, with the date it was last
 * checked against its sources and the sources themselves. The knowledge
 * version in reports is the newest of these dates (see Knowledge.ts);
 * `yarn knowledge:check` compares the release table with the live sources.
 * Move a table's `asOf` when you re-check it, not when you reformat it.
 */
import { ALPINE_RELEASES_TABLE } from '../model/alpineReleases';
import type { KnowledgeTable } from '../types';
import { BUILD_IMAGES } from './buildImages';
import { BUSYBOX_MISSING_TOOLS } from './busyboxMissingTools';
import { STATIC_RELEASES } from './glibcDownloads';
import { BRANCH_CHANGES } from './branchChanges';
import { DOCKER_HUB_LIBRARY_SOURCES } from './dockerHubLibrary';
import { ADDONS_WITHOUT_MUSL_PREBUILD } from './nodeNativeAddons';
import { OFFICIAL_ALPINE_VARIANTS } from './officialImages';
import { PIP_PACKAGES_WITHOUT_MUSL_WHEELS } from './pipPackagesWithoutMuslWheels';

const unique = (values: readonly string[]) => [...new Set(values)];
/** The URL a `source` note starts with (`https://… (what it shows)`). */
const urlsOf = (notes: readonly string[]) =>
  notes
    .filter(note => note.startsWith('https://'))
    .map(note => note.split(' ')[0]);

export const KNOWLEDGE_TABLES: readonly KnowledgeTable[] = [
  {
    ...ALPINE_RELEASES_TABLE,
    sources: [...ALPINE_RELEASES_TABLE.sources],
  },
  {
    name: 'Image catalog (distro and libc of base images)',
    file: 'packages/analyzer/src/model/imageCatalog.ts',
    asOf: '2026-11-28',
    sources: [
      'https://github.com/docker-library/official-images/tree/master/library',
      'https://hub.docker.com/search?badges=official',
      'https://github.com/GoogleContainerTools/distroless#readme',
      'https://edu.chainguard.dev/chainguard/chainguard-images/',
      'https://mcr.microsoft.com/en-us/artifact/mar/dotnet/runtime/tags',
    ],
  },
  {
    name: 'Official image Alpine variants (which -alpineX.Y tags are rebuilt, which lines are no longer built and their last branch)',
    file: 'packages/analyzer/src/knowledge/officialImages.ts',
    asOf: '2026-12-05',
    sources: unique(OFFICIAL_ALPINE_VARIANTS.flatMap(entry => entry.sources)),
  },
  {
    name: 'Alpine branch changes that break builds',
    file: 'packages/analyzer/src/knowledge/branchChanges.ts',
    asOf: '2026-12-05',
    sources: unique(BRANCH_CHANGES.flatMap(change => change.sources)),
  },
  {
    name: 'PyPI packages without musllinux wheels',
    file: 'packages/analyzer/src/knowledge/pipPackagesWithoutMuslWheels.ts',
    asOf: '2026-11-28',
    sources: unique([
      'https://peps.python.org/pep-0656/',
      ...PIP_PACKAGES_WITHOUT_MUSL_WHEELS.map(entry => entry.source),
    ]),
  },
  {
    name: 'Node.js native addons without musl prebuilds',
    file: 'packages/analyzer/src/knowledge/nodeNativeAddons.ts',
    asOf: '2026-11-28',
    sources: unique(ADDONS_WITHOUT_MUSL_PREBUILD.map(entry => entry.source)),
  },
  {
    name: 'Java runtimes and their C library',
    file: 'packages/analyzer/src/knowledge/jdk.ts',
    asOf: '2026-11-28',
    sources: [
      'https://openjdk.org/jeps/386',
      'https://hub.docker.com/_/eclipse-temurin',
      'https://hub.docker.com/_/amazoncorretto',
    ],
  },
  {
    name: '.NET runtime identifiers',
    file: 'packages/analyzer/src/knowledge/dotnetRuntimeIdentifiers.ts',
    asOf: '2026-11-28',
    sources: ['https://learn.microsoft.com/en-us/dotnet/core/rid-catalog'],
  },
  {
    name: 'glibc-only downloads and paths',
    file: 'packages/analyzer/src/knowledge/glibcDownloads.ts, glibcPaths.ts',
    asOf: '2026-11-28',
    sources: [
      'https://nodejs.org/dist/',
      'https://peps.python.org/pep-0600/',
      'https://wiki.debian.org/Multiarch/Tuples',
    ],
  },
  {
    name: 'Statically linked release downloads',
    file: 'packages/analyzer/src/knowledge/glibcDownloads.ts (STATIC_RELEASES)',
    asOf: '2026-12-05',
    sources: unique(urlsOf(STATIC_RELEASES.map(release => release.source))),
  },
  {
    name: 'Build images (a toolchain is their product)',
    file: 'packages/analyzer/src/knowledge/buildImages.ts',
    asOf: '2026-12-05',
    sources: unique(urlsOf(BUILD_IMAGES.map(image => image.source))),
  },
  {
    name: "Tools missing from Alpine's BusyBox base (and the packages providing them)",
    file: 'packages/analyzer/src/knowledge/busyboxMissingTools.ts',
    asOf: '2026-12-05',
    sources: unique(
      urlsOf(
        Object.values(BUSYBOX_MISSING_TOOLS).flatMap(tool => tool.sources),
      ),
    ),
  },
  {
    name: 'Docker Official Images (the one-word names Docker Hub serves)',
    file: 'packages/analyzer/src/knowledge/dockerHubLibrary.ts',
    asOf: '2026-12-05',
    sources: [...DOCKER_HUB_LIBRARY_SOURCES],
  },
];

/** The newest as-of date of the bundled tables. */
export const BUNDLED_KNOWLEDGE_AS_OF = KNOWLEDGE_TABLES.map(
  table => table.asOf,
).reduce((newest, date) => (date > newest ? date : newest));
