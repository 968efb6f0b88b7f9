import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveContents } from './archive/ArchiveContents';
import { fileChunks } from './archive/fileChunks';
import { readImageTar } from './archive/readImageTar';
import {
  isOciDirectory,
  missingLayout,
  readOciDirectory,
} from './archive/readOciDirectory';
import { resolveImage } from './archive/resolveImage';
import { runChecks } from './checks/runChecks';
import { mergeLayers } from './filesystem/mergeLayers';
import { layerHistory } from './history/layerHistory';
import { ImageReadError } from './ImageReadError';
import type { LayerScan } from './layers/LayerScan';
import { detectLibc } from './libc/detectLibc';
import { DEFAULT_IMAGE_LIMITS, ImageLimits } from './limits';
import type { ImageLayer, ImageReport } from './types';

/** @public */
export interface InspectImageOptions {
  limits?: Partial<ImageLimits>;
  /** Which manifest of a multi-platform index to inspect; the host's by default. */
  platform?: { os: string; architecture: string };
}

/**
 * Inspects a built image: a `docker save` archive (tar, or tar.gz), an OCI
 * image layout folder or archive, given as a path, or a byte stream (stdin).
 * Rejects with ImageReadError when the input is no readable image.
 * @public
 */
export async function inspectImage(
  input: string | AsyncIterable<Buffer>,
  options: InspectImageOptions & { label?: string } = {},
): Promise<ImageReport> {
  const limits = { ...DEFAULT_IMAGE_LIMITS, ...options.limits };
  const contents = await openContents(input, options.label, limits);
  const platform = options.platform ?? {
    os: 'linux',
    architecture: hostArchitecture(),
  };
  const image = await resolveImage(contents, platform);
  const config = await contents.readJson(image.configName);
  if (!config || typeof config !== 'object') {
    throw new ImageReadError(
      `${contents.label}: the image config ${image.configName} is missing`,
    );
  }
  const scans: LayerScan[] = [];
  for (const name of image.layerNames) {
    const scan = await contents.scanLayer(name);
    if (!scan) {
      throw new ImageReadError(
        `${contents.label}: the manifest names layer ${name}, which the archive lacks`,
      );
    }
    scans.push(scan);
  }
  const diffIds = (config as { rootfs?: { diff_ids?: unknown } }).rootfs
    ?.diff_ids;
  const history = layerHistory(config, scans.length);
  const layers: ImageLayer[] = scans.map((scan, index) => ({
    index,
    digest:
      (Array.isArray(diffIds) && typeof diffIds[index] === 'string'
        ? (diffIds[index] as string)
        : undefined) ??
      image.layerDigests[index] ??
      image.layerNames[index],
    createdBy: history[index],
    entries: scan.entryCount,
    bytes: scan.bytes,
  }));
  const filesystem = mergeLayers(scans);
  const libc = detectLibc(filesystem);
  const settings = config as {
    os?: string;
    architecture?: string;
    config?: { Env?: unknown };
  };
  const checked = runChecks({
    filesystem,
    libc,
    layers,
    env: environmentOf(settings.config?.Env),
  });
  return {
    imageId: image.imageId,
    tags: image.tags,
    os: settings.os,
    architecture: settings.architecture,
    libc,
    layers,
    findings: checked.findings,
    stats: {
      files: scans.reduce((sum, scan) => sum + scan.entryCount, 0),
      elfFiles: scans.reduce(
        (sum, scan) => sum + scan.entries.filter(entry => entry.elf).length,
        0,
      ),
      bytes: scans.reduce((sum, scan) => sum + scan.bytes, 0),
    },
    notes: [...image.notes, ...checked.notes],
  };
}

async function openContents(
  input: string | AsyncIterable<Buffer>,
  label: string | undefined,
  limits: ImageLimits,
): Promise<ArchiveContents> {
  if (typeof input !== 'string')
    return readImageTar(input, label ?? '-', limits);
  const name = label ?? input;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (error) {
    throw new ImageReadError(`${name}: ${(error as Error).message}`);
  }
  if (stat.isDirectory()) {
    if (!isOciDirectory(input)) throw missingLayout(name);
    return readOciDirectory(path.resolve(input), name, limits);
  }
  const chunks = fileChunks(input);
  try {
    return await readImageTar(chunks, name, limits);
  } finally {
    // Closes the file when reading stopped early.
    await chunks.return(undefined);
  }
}

function environmentOf(env: unknown): Record<string, string> {
  const variables: Record<string, string> = {};
  if (!Array.isArray(env)) return variables;
  for (const item of env) {
    if (typeof item !== 'string') continue;
    const equals = item.indexOf('=');
    if (equals > 0) variables[item.slice(0, equals)] = item.slice(equals + 1);
  }
  return variables;
}

/** Node's architecture names in OCI's vocabulary. */
function hostArchitecture(): string {
  const names: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    s390x: 's390x',
    ppc64: 'ppc64le',
  };
  return names[process.arch] ?? process.arch;
}
