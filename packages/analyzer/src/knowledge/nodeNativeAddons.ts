/*
 * Node.js packages with native addons (`*.node` files compiled against one
 * libc) and what it takes to get them on Alpine.
 */
import { compareReleases } from './pythonVersions';

/** An addon that publishes no musl prebuild, so npm on Alpine compiles it with node-gyp. */
export interface AddonWithoutMuslPrebuild {
  name: string;
  /** First version with a musl prebuild; undefined: none known. */
  muslPrebuildSince?: string;
  /** Alpine packages node-gyp needs to build it. */
  buildNeeds: string[];
  source: string;
}

export const ADDONS_WITHOUT_MUSL_PREBUILD: readonly AddonWithoutMuslPrebuild[] =
  [
    {
      name: 'canvas',
      buildNeeds: [
        'python3',
        'make',
        'g++',
        'pkgconf',
        'pixman-dev',
        'cairo-dev',
        'pango-dev',
        'jpeg-dev',
        'giflib-dev',
      ],
      source: 'https://github.com/Automattic/node-canvas/issues/1486',
    },
    {
      name: 'bcrypt',
      muslPrebuildSince: '4.0.0',
      buildNeeds: ['python3', 'make', 'g++'],
      source: 'https://github.com/kelektiv/node.bcrypt.js/issues/801',
    },
  ];

/** The addon a package spec (`canvas`, `bcrypt@3.0.8`) has no musl prebuild for, if known. */
export function addonWithoutMuslPrebuild(
  spec: string,
): AddonWithoutMuslPrebuild | undefined {
  const { name, version } = splitPackageSpec(spec);
  const addon = ADDONS_WITHOUT_MUSL_PREBUILD.find(entry => entry.name === name);
  if (!addon) return undefined;
  if (!addon.muslPrebuildSince) return addon;
  // An unpinned install gets the newest release, which has the prebuild.
  const pinned =
    version && /^[~^=v]?\d/.test(version)
      ? version.replace(/^[~^=v]/, '')
      : undefined;
  return pinned && compareReleases(pinned, addon.muslPrebuildSince) < 0
    ? addon
    : undefined;
}

/** `@scope/name@1.2.3` → name and version. */
export function splitPackageSpec(spec: string): {
  name: string;
  version?: string;
} {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at === -1
    ? { name: spec }
    : { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/**
 * Packages that ship native addons or per-platform binaries: copying their
 * `node_modules` to another libc breaks them.
 */
export const NODE_PACKAGES_WITH_NATIVE_CODE: ReadonlySet<string> = new Set([
  'sharp',
  'bcrypt',
  'canvas',
  'sqlite3',
  'better-sqlite3',
  'argon2',
  'esbuild',
  '@swc/core',
  'node-sass',
  're2',
  'leveldown',
  'sodium-native',
  'usb',
  'serialport',
  'prisma',
  '@prisma/client',
  'lightningcss',
  '@parcel/watcher',
  'rollup',
  'cpu-features',
  'ssh2',
  'kerberos',
  'oracledb',
  'node-rdkafka',
  'grpc',
  'zeromq',
  'bufferutil',
  'utf-8-validate',
  'isolated-vm',
  'onnxruntime-node',
  '@tensorflow/tfjs-node',
]);
