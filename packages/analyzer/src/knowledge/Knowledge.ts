/*
 * The knowledge one analysis decides with: the bundled tables with any
 * overrides layered on top (a refreshed release list, an organisation's
 * additions, a config file's `knowledge:`). Every host goes through
 * `compileKnowledge`, so the CLI and the backend reach the same verdicts for
 * the same file and the same knowledge. Rules read it from their context and
 * take the date from the analysis clock, never from the wall clock.
 */
import {
  ALPINE_RELEASES,
  ALPINE_RELEASES_TABLE,
  compareVersions,
} from '../model/alpineReleases';
import type { AlpineRelease } from '../model/alpineReleases';
import { classifyImage } from '../model/imageCatalog';
import type { ImageClass } from '../model/imageCatalog';
import { imagePath } from '../model/imageRef';
import type { ImageRef } from '../model/imageRef';
import type {
  KnowledgeImage,
  KnowledgeInfo,
  KnowledgeOverrides,
  KnowledgeStamp,
} from '../types';
import { bareAlpineTag } from './officialImages';
import { BUNDLED_KNOWLEDGE_AS_OF, KNOWLEDGE_TABLES } from './tables';

const DAY_MS = 86_400_000;
/** Alpine branches from edge every May and November. */
const BRANCH_INTERVAL_DAYS = 182;

/** How a named release relates to the knowledge. */
export type ReleaseStanding =
  | { kind: 'known'; release: AlpineRelease }
  /** Newer than the newest known branch but possible by the cadence. */
  | { kind: 'newer'; newest: AlpineRelease; latestPlausible: string }
  /** Beyond what the cadence allows (3.99, 4.0): the tag looks wrong. */
  | { kind: 'implausible'; newest: AlpineRelease; latestPlausible: string }
  /** Older than the table or a gap in it: nothing to say. */
  | { kind: 'unknown' };

/** A compiled knowledge version. */
export interface Knowledge {
  readonly stamp: KnowledgeStamp;
  /** Ascending by version. */
  readonly releases: readonly AlpineRelease[];
  readonly newest: AlpineRelease;
  release(version: string): AlpineRelease | undefined;
  /** Days past end of life at `now`; negative while supported; undefined when unknown. */
  daysPastEndOfLife(version: string, now: Date): number | undefined;
  /** The newest branch released by `now` and supported at `now`. */
  newestSupported(now: Date): AlpineRelease | undefined;
  /** The newest branch released by `now`: what `alpine:3` resolves to, as far as the knowledge goes. */
  current(now: Date): AlpineRelease;
  standing(version: string, now: Date): ReleaseStanding;
  /** What overrides say of an image, if any names it. */
  classifyImage(ref: ImageRef): ImageClass | undefined;
  info(): KnowledgeInfo;
}

interface ImageEntry {
  path: string;
  /** undefined: any tag. */
  tag?: RegExp;
  result: ImageClass;
}

const cache = new Map<string, Knowledge>();
/** Distinct version texts remembered per knowledge (the tags of a sweep; bounded). */
const RELEASE_CACHE_LIMIT = 1024;
let bundled: Knowledge | undefined;
const CACHE_LIMIT = 32;

/** The bundled knowledge, no overrides. */
export function bundledKnowledge(): Knowledge {
  return compileKnowledge([]);
}

/**
 * Compiles layers of overrides (lowest precedence first) over the bundled
 * tables. Layers are assumed valid (`parseKnowledge` checks them); results
 * are cached by content, so a sweep over thousands of files compiles once.
 */
export function compileKnowledge(
  layers: KnowledgeOverrides | readonly KnowledgeOverrides[] | undefined,
): Knowledge {
  // Most analyses have no overrides: skip the filter and the JSON key.
  if (
    bundled &&
    (layers === undefined || (Array.isArray(layers) && layers.length === 0))
  )
    return bundled;
  let list: readonly KnowledgeOverrides[] = [];
  if (Array.isArray(layers)) list = layers;
  else if (layers) list = [layers as KnowledgeOverrides];
  const meaningful = list.filter(
    layer => (layer.releases?.length ?? 0) + (layer.images?.length ?? 0) > 0,
  );
  const key = JSON.stringify(meaningful);
  const cached = cache.get(key);
  if (cached) return cached;
  const knowledge = build(meaningful, key);
  if (meaningful.length === 0) bundled ??= knowledge;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, knowledge);
  return knowledge;
}

function build(layers: readonly KnowledgeOverrides[], key: string): Knowledge {
  const byVersion = new Map<string, AlpineRelease>(
    ALPINE_RELEASES.map(row => [row.version, { ...row }]),
  );
  const muslGiven = new Set(ALPINE_RELEASES.map(row => row.version));
  for (const layer of layers) {
    for (const row of layer.releases ?? []) {
      const version = branchOf(row.version);
      if (!version) continue;
      const previous = byVersion.get(version);
      byVersion.set(version, {
        version,
        released: row.released ?? previous?.released ?? '',
        endOfLife: row.endOfLife,
        musl: row.musl ?? previous?.musl ?? '',
      });
      if (row.musl) muslGiven.add(version);
    }
  }
  const releases = [...byVersion.values()].sort((a, b) =>
    compareVersions(a.version, b.version),
  );
  // musl only moves forward: a row without one gets the newest earlier branch's.
  let lastMusl = '';
  for (const row of releases) {
    if (row.musl && muslGiven.has(row.version)) lastMusl = row.musl;
    else if (!row.musl) row.musl = lastMusl;
  }
  const newest = releases[releases.length - 1];
  const endOfLifeTimes = new Map(
    releases.map(row => [
      row.version,
      Date.parse(`${row.endOfLife}T00:00:00Z`),
    ]),
  );
  // Parsed once here: newestSupported and current run for every Alpine file.
  const releasedTimes = new Map(
    releases.map(row => [
      row,
      row.released ? Date.parse(`${row.released}T00:00:00Z`) : -Infinity,
    ]),
  );
  const releasedTime = (row: AlpineRelease) => releasedTimes.get(row)!;

  const images: ImageEntry[] = [];
  // Highest precedence first: later layers and later rows win.
  for (const layer of [...layers].reverse()) {
    for (const entry of [...(layer.images ?? [])].reverse()) {
      images.push(compileImage(entry));
    }
  }

  const stamp = stampOf(layers, key);
  // Several rules ask for each FROM's release: the regex and key are built once per version text.
  const releaseByText = new Map<string, AlpineRelease | undefined>();
  const release = (version: string) => {
    if (releaseByText.has(version)) return releaseByText.get(version);
    const branch = branchOf(version);
    const row = branch ? byVersion.get(branch) : undefined;
    if (releaseByText.size < RELEASE_CACHE_LIMIT)
      releaseByText.set(version, row);
    return row;
  };
  const knowledge: Knowledge = {
    stamp,
    releases,
    newest,
    release,
    daysPastEndOfLife(version, now) {
      const row = release(version);
      if (!row) return undefined;
      return Math.floor(
        (now.getTime() - endOfLifeTimes.get(row.version)!) / DAY_MS,
      );
    },
    newestSupported(now) {
      const time = now.getTime();
      for (let i = releases.length - 1; i >= 0; i--) {
        const row = releases[i];
        if (
          releasedTime(row) <= time &&
          endOfLifeTimes.get(row.version)! > time
        )
          return row;
      }
      return undefined;
    },
    current(now) {
      const time = now.getTime();
      for (let i = releases.length - 1; i >= 0; i--) {
        if (releasedTime(releases[i]) <= time) return releases[i];
      }
      return newest;
    },
    standing(version, now) {
      const row = release(version);
      if (row) return { kind: 'known', release: row };
      const branch = branchOf(version);
      if (!branch) return { kind: 'unknown' };
      const latestPlausible = latestPlausibleBranch(newest, now);
      if (compareVersions(branch, newest.version) <= 0)
        return { kind: 'unknown' };
      return compareVersions(branch, latestPlausible) <= 0
        ? { kind: 'newer', newest, latestPlausible }
        : { kind: 'implausible', newest, latestPlausible };
    },
    classifyImage(ref) {
      const path = imagePath(ref);
      const tag = ref.tag ?? 'latest';
      const match = images.find(
        entry => entry.path === path && (!entry.tag || entry.tag.test(tag)),
      );
      return match ? { ...match.result } : lastBuildOf(ref);
    },
    info() {
      return {
        ...stamp,
        tables: KNOWLEDGE_TABLES.map(table => ({
          ...table,
          sources: [...table.sources],
        })),
        layers: layers.map(layer => ({
          source: layer.source ?? 'overrides',
          ...(layer.asOf ? { asOf: layer.asOf } : {}),
          releases: layer.releases?.length ?? 0,
          images: layer.images?.length ?? 0,
        })),
        newestRelease: newest.version,
      };
    },
  };
  return knowledge;
}

/**
 * A bare `-alpine` tag of a line no longer built stays on the branch of its
 * last build (`node:18-alpine` is Alpine 3.21): the catalog's class with
 * that branch, as if the tag named it.
 */
function lastBuildOf(ref: ImageRef): ImageClass | undefined {
  if (ref.registry || ref.digest || ref.tagIsVariable || !ref.tag)
    return undefined;
  const path = imagePath(ref);
  const bare = bareAlpineTag(path, ref.tag);
  if (bare?.kind !== 'last-build') return undefined;
  return {
    ...classifyImage(ref),
    alpineRelease: bare.branch,
    basis: `${ref.text}: ${path} ${bare.line} is no longer built, and its last -alpine build was on Alpine ${bare.branch}`,
  };
}

/** `3.20.3` → `3.20`. */
function branchOf(version: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}

/**
 * The newest branch that can exist at `now` by Alpine's cadence: one branch
 * every six months after the newest known one, plus one for a release that
 * comes early or a table that lags. Alpine has stayed on 3.x since 2014, so
 * a new major version is never plausible from the cadence alone.
 */
function latestPlausibleBranch(newest: AlpineRelease, now: Date): string {
  const [major, minor] = newest.version.split('.').map(Number);
  const since = newest.released
    ? (now.getTime() - Date.parse(`${newest.released}T00:00:00Z`)) / DAY_MS
    : 0;
  const steps = Math.max(0, Math.floor(since / BRANCH_INTERVAL_DAYS)) + 1;
  return `${major}.${minor + steps}`;
}

function compileImage(entry: KnowledgeImage): ImageEntry {
  const colon = entry.image.lastIndexOf(':');
  const slash = entry.image.lastIndexOf('/');
  const hasTag = colon > slash;
  const reference = hasTag ? entry.image.slice(0, colon) : entry.image;
  const tag = hasTag ? entry.image.slice(colon + 1) : undefined;
  const path = reference
    .replace(/^(docker\.io|index\.docker\.io)\//, '')
    .replace(/^library\//, '');
  const distro = entry.distro ?? (entry.alpineRelease ? 'alpine' : 'unknown');
  const libc = entry.libc ?? (distro === 'alpine' ? 'musl' : 'unknown');
  // A declared distribution is certain; a declared libc alone leaves the
  // stage's package manager to name the distribution (apk → Alpine).
  let certainty: ImageClass['certainty'] = 'unknown';
  if (distro !== 'unknown') certainty = 'certain';
  else if (libc !== 'unknown') certainty = 'likely';
  const result: ImageClass = {
    distro,
    libc,
    basis: `the knowledge overrides (${entry.image})`,
    certainty,
  };
  if (entry.alpineRelease) result.alpineRelease = entry.alpineRelease;
  return {
    path: path.toLowerCase(),
    tag:
      tag === undefined
        ? undefined
        : new RegExp(
            `^${tag
              .split('*')
              .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
              .join('.*')}$`,
          ),
    result,
  };
}

function stampOf(
  layers: readonly KnowledgeOverrides[],
  key: string,
): KnowledgeStamp {
  let asOf = BUNDLED_KNOWLEDGE_AS_OF;
  let releasesAsOf: string = ALPINE_RELEASES_TABLE.asOf;
  for (const layer of layers) {
    if (layer.asOf && layer.asOf > asOf) asOf = layer.asOf;
    if (layer.asOf && layer.releases?.length && layer.asOf > releasesAsOf)
      releasesAsOf = layer.asOf;
  }
  if (layers.length === 0) {
    return {
      version: `${asOf}+bundled`,
      asOf,
      origin: 'bundled',
      releasesAsOf,
    };
  }
  return {
    version: `${asOf}+overrides.${fnv1a(key)}`,
    asOf,
    origin: 'overridden',
    releasesAsOf,
  };
}

/** 32-bit FNV-1a as 8 hex digits: tells knowledge versions apart, not a security hash. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
