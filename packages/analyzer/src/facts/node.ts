/*
 * Node.js facts from a build context: the packages a lockfile pins, with
 * what each says about native code (install scripts, os/cpu/libc).
 * package-lock.json / npm-shrinkwrap.json (v1 to v3, JSON), yarn.lock (v1
 * through @yarnpkg/lockfile, berry through @yarnpkg/parsers) and
 * pnpm-lock.yaml (yaml).
 */
import * as yarnLockfile from '@yarnpkg/lockfile';
import { parseSyml } from '@yarnpkg/parsers';
import { parseDocument } from 'yaml';

/** One package a lockfile pins. @public */
export interface LockedNodePackage {
  name: string;
  version?: string;
  /** npm's `hasInstallScript`, pnpm's `requiresBuild`: runs node-gyp or a download on install. */
  hasInstallScript?: boolean;
  /** Platform constraints of a platform package (`libc: [musl]`). */
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

/** What a Node.js lockfile of the context pins. @public */
export interface NodeLockFacts {
  /** `package-lock.json`, `yarn.lock`, `pnpm-lock.yaml` (relative to the context). */
  file: string;
  /** Packages by name (the first version met when several are locked). */
  packages: ReadonlyMap<string, LockedNodePackage>;
  /**
   * Whether the format records install scripts (package-lock v2+,
   * pnpm-lock before v9): only then does a lockfile without any say the
   * tree holds no addon compiled on install.
   */
  recordsInstallScripts: boolean;
}

export const NODE_LOCKFILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
] as const;

/** Parses a lockfile by its name; throws with a readable message when it is malformed. */
export function parseNodeLockfile(file: string, text: string): NodeLockFacts {
  const base = file.split('/').pop();
  const packages = new Map<string, LockedNodePackage>();
  const add = (entry: LockedNodePackage) => {
    if (entry.name && !packages.has(entry.name))
      packages.set(entry.name, entry);
  };
  let recordsInstallScripts = false;
  if (base === 'package-lock.json' || base === 'npm-shrinkwrap.json') {
    const lock = JSON.parse(text);
    readPackageLock(lock, add);
    recordsInstallScripts = isRecord(lock.packages);
  } else if (base === 'yarn.lock') {
    readYarnLock(text, add);
  } else if (base === 'pnpm-lock.yaml') {
    const document = parseDocument(text);
    if (document.errors.length > 0) throw new Error(document.errors[0].message);
    const lock = document.toJS({ maxAliasCount: 100 });
    readPnpmLock(lock, add);
    recordsInstallScripts = parseFloat(String(lock?.lockfileVersion)) < 9;
  } else {
    throw new Error(`not a Node.js lockfile: ${file}`);
  }
  return { file, packages, recordsInstallScripts };
}

type Add = (entry: LockedNodePackage) => void;

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : undefined;
}

function readPackageLock(lock: unknown, add: Add): void {
  if (!isRecord(lock)) throw new Error('not a JSON object');
  if (isRecord(lock.packages)) {
    for (const [key, entry] of Object.entries(lock.packages)) {
      const at = key.lastIndexOf('node_modules/');
      if (at === -1 || !isRecord(entry)) continue;
      add({
        name: key.slice(at + 'node_modules/'.length),
        version: typeof entry.version === 'string' ? entry.version : undefined,
        hasInstallScript: entry.hasInstallScript === true || undefined,
        os: strings(entry.os),
        cpu: strings(entry.cpu),
        libc: strings(entry.libc),
      });
    }
    return;
  }
  // lockfileVersion 1: nested `dependencies`.
  const walk = (dependencies: unknown, depth: number) => {
    if (!isRecord(dependencies) || depth > 64) return;
    for (const [name, entry] of Object.entries(dependencies)) {
      if (!isRecord(entry)) continue;
      add({
        name,
        version: typeof entry.version === 'string' ? entry.version : undefined,
      });
      walk(entry.dependencies, depth + 1);
    }
  };
  walk(lock.dependencies, 0);
}

/** `@img/sharp-linux-x64@npm:0.33.5, @img/sharp-linux-x64@^0.33` → `@img/sharp-linux-x64`. */
function nameOfDescriptor(key: string): string {
  const first = key.split(',')[0].trim().replace(/^"|"$/g, '');
  const at = first.indexOf('@', 1);
  return at === -1 ? first : first.slice(0, at);
}

function readYarnLock(text: string, add: Add): void {
  if (/^__metadata:/m.test(text)) {
    // Berry: YAML-like syml with `conditions: os=linux & cpu=x64 & libc=musl`.
    const lock = parseSyml(text);
    for (const [key, entry] of Object.entries(lock)) {
      if (key === '__metadata' || !isRecord(entry)) continue;
      const conditions = parseConditions(entry.conditions);
      add({
        name: nameOfDescriptor(key),
        version: typeof entry.version === 'string' ? entry.version : undefined,
        ...conditions,
      });
    }
    return;
  }
  const parsed = yarnLockfile.parse(text);
  if (parsed.type !== 'success' && parsed.type !== 'merge') {
    throw new Error('yarn.lock has merge conflicts');
  }
  for (const [key, entry] of Object.entries(parsed.object)) {
    if (!isRecord(entry)) continue;
    add({
      name: nameOfDescriptor(key),
      version: typeof entry.version === 'string' ? entry.version : undefined,
    });
  }
}

function parseConditions(
  conditions: unknown,
): Pick<LockedNodePackage, 'os' | 'cpu' | 'libc'> {
  if (typeof conditions !== 'string') return {};
  const result: Record<string, string[]> = {};
  for (const part of conditions.split('&')) {
    const [key, value] = part.split('=').map(item => item.trim());
    if ((key === 'os' || key === 'cpu' || key === 'libc') && value) {
      (result[key] ??= []).push(value);
    }
  }
  return result;
}

function readPnpmLock(lock: unknown, add: Add): void {
  if (!isRecord(lock)) throw new Error('not a YAML mapping');
  if (!isRecord(lock.packages)) return;
  for (const [key, entry] of Object.entries(lock.packages)) {
    const { name, version } = pnpmKey(key);
    const meta = isRecord(entry) ? entry : {};
    add({
      name,
      version,
      hasInstallScript: meta.requiresBuild === true || undefined,
      os: strings(meta.os),
      cpu: strings(meta.cpu),
      libc: strings(meta.libc),
    });
  }
}

/** `/@img/sharp-linux-x64@0.33.5(x)` (v6), `@img/sharp-linux-x64@0.33.5` (v9), `/@img/sharp-linux-x64/0.33.5` (v5). */
function pnpmKey(key: string): { name: string; version?: string } {
  const bare = key.replace(/^\//, '').replace(/\(.*$/, '');
  const at = bare.indexOf('@', 1);
  if (at !== -1)
    return { name: bare.slice(0, at), version: bare.slice(at + 1) };
  const slash = bare.lastIndexOf('/');
  return slash > 0
    ? { name: bare.slice(0, slash), version: bare.slice(slash + 1) }
    : { name: bare };
}

/** package.json: the dependencies it names (all kinds), or throws when malformed. */
export function parsePackageJson(text: string): {
  dependencies: ReadonlySet<string>;
} {
  const manifest = JSON.parse(text);
  if (!isRecord(manifest)) throw new Error('not a JSON object');
  const dependencies = new Set<string>();
  for (const field of [
    'dependencies',
    'devDependencies',
    'optionalDependencies',
    'peerDependencies',
  ]) {
    if (isRecord(manifest[field]))
      for (const name of Object.keys(manifest[field])) dependencies.add(name);
  }
  return { dependencies };
}

/**
 * Families whose `…-linux-<arch>-gnu` packages have `…-musl` twins on the
 * npm registry (each checked there on 2026-12-08 for x64 and arm64). Others
 * may publish no musl build at all (chromadb-js-bindings has `-gnu` only):
 * their lockfile then misses nothing, the package simply has no Alpine build.
 */
const PUBLISHES_MUSL =
  /^(@swc\/core|@next\/swc|@rollup\/rollup|lightningcss|@tailwindcss\/oxide|@parcel\/watcher|@rspack\/binding|@unrs\/resolver-binding|@ast-grep\/napi|@libsql\/linux|@napi-rs\/|@node-rs\/|@oxc-parser\/binding)/;

/**
 * Platform packages of one native package: the glibc build a lockfile
 * pins and the musl build it should also pin, e.g. `@img/sharp-linux-x64`
 * and `@img/sharp-linuxmusl-x64`, `@swc/core-linux-x64-gnu` and
 * `@swc/core-linux-x64-musl`, `@next/swc-linux-arm64-gnu` and
 * `@next/swc-linux-arm64-musl`. Only where a musl build is published:
 * sharp has none for 32-bit ARM (`@img/sharp-linux-arm` has no `linuxmusl`
 * twin), and `-gnu` packages only in the families of `PUBLISHES_MUSL`.
 */
export function muslSibling(name: string): string | undefined {
  const sharp = /^@img\/sharp-(?:libvips-)?linux-(x64|arm64)$/.exec(name);
  if (sharp) return name.replace('-linux-', '-linuxmusl-');
  if (/-linux-(x64|arm64)-gnu$/.test(name) && PUBLISHES_MUSL.test(name))
    return name.replace(/-gnu$/, '-musl');
  return undefined;
}

/**
 * Packages of a lockfile with native code: those with install scripts
 * first, then known addons, then platform builds.
 */
export function nativePackages(
  lock: NodeLockFacts,
  known: ReadonlySet<string>,
): string[] {
  const scripts: string[] = [];
  const addons: string[] = [];
  const platforms: string[] = [];
  for (const entry of lock.packages.values()) {
    if (entry.hasInstallScript) scripts.push(`${entry.name} (install script)`);
    else if (known.has(entry.name)) addons.push(entry.name);
    else if (
      entry.libc ||
      muslSibling(entry.name) ||
      /-linuxmusl-|-linux-(x64|arm64)-musl$/.test(entry.name)
    )
      platforms.push(`${entry.name} (platform build)`);
  }
  return [...scripts, ...addons, ...platforms];
}
