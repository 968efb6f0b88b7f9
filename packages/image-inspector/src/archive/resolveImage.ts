import { ImageReadError } from '../ImageReadError';
import type { ArchiveContents } from './ArchiveContents';

/** One image of an archive: where its config and layers are, in order. */
export interface ResolvedImage {
  imageId?: string;
  tags: string[];
  configName: string;
  /** Archive names of the layers, base first. */
  layerNames: string[];
  /** The manifest's layer digests (compressed blobs), when it has them. */
  layerDigests: Array<string | undefined>;
  notes: string[];
}

const DIGEST = /^([a-z0-9]+):([a-f0-9]{32,128})$/;
const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

/**
 * Finds the image in an archive: `manifest.json` of `docker save` (first
 * image when several were saved), else the OCI `index.json` (following
 * nested indexes to the platform's manifest). Digests are validated before
 * they become blob names.
 */
export async function resolveImage(
  contents: ArchiveContents,
  platform: { os: string; architecture: string },
): Promise<ResolvedImage> {
  const notes: string[] = [];
  const docker = await contents.readJson('manifest.json');
  if (Array.isArray(docker) && docker.length > 0) {
    if (docker.length > 1) {
      notes.push(
        `the archive holds ${docker.length} images; inspecting the first`,
      );
    }
    const first = docker[0] as {
      Config?: unknown;
      Layers?: unknown;
      RepoTags?: unknown;
    };
    if (typeof first.Config !== 'string' || !Array.isArray(first.Layers)) {
      throw new ImageReadError(
        `${contents.label}: manifest.json lacks Config or Layers`,
      );
    }
    const layers = first.Layers.filter(
      (name): name is string => typeof name === 'string',
    );
    return {
      imageId: idFromName(first.Config),
      tags: Array.isArray(first.RepoTags)
        ? first.RepoTags.filter((tag): tag is string => typeof tag === 'string')
        : [],
      configName: first.Config.replace(/^\.?\//, ''),
      layerNames: layers.map(name => name.replace(/^\.?\//, '')),
      // Legacy `<id>/layer.tar` ids are no layer digests; the config's diff_ids are used then.
      layerDigests: layers.map(name =>
        name.includes('blobs/') ? idFromName(name) : undefined,
      ),
      notes,
    };
  }
  const index = await contents.readJson('index.json');
  if (!index) {
    throw new ImageReadError(
      `${contents.label}: neither manifest.json (docker save) nor index.json (OCI layout) found`,
    );
  }
  const manifest = await findManifest(contents, index, platform, notes, 0);
  const config = (manifest as { config?: { digest?: unknown } }).config;
  const layers = (manifest as { layers?: Array<{ digest?: unknown }> }).layers;
  if (typeof config?.digest !== 'string' || !Array.isArray(layers)) {
    throw new ImageReadError(
      `${contents.label}: the image manifest lacks config or layers`,
    );
  }
  const layerDigests = layers.map(layer => String(layer.digest));
  return {
    imageId: config.digest,
    tags: [],
    configName: blobName(config.digest, contents.label),
    layerNames: layerDigests.map(digest => blobName(digest, contents.label)),
    layerDigests,
    notes,
  };
}

async function findManifest(
  contents: ArchiveContents,
  index: unknown,
  platform: { os: string; architecture: string },
  notes: string[],
  depth: number,
): Promise<unknown> {
  if (depth > 4)
    throw new ImageReadError(`${contents.label}: indexes nested too deep`);
  const entries = (index as { manifests?: unknown }).manifests;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new ImageReadError(
      `${contents.label}: the image index lists no manifest`,
    );
  }
  const candidates = entries as Array<{
    digest?: unknown;
    mediaType?: unknown;
    platform?: { os?: string; architecture?: string };
  }>;
  const chosen =
    candidates.find(
      entry =>
        entry.platform?.os === platform.os &&
        entry.platform?.architecture === platform.architecture,
    ) ??
    candidates.find(entry => entry.platform?.architecture !== 'unknown') ??
    candidates[0];
  if (typeof chosen.digest !== 'string') {
    throw new ImageReadError(`${contents.label}: an index entry has no digest`);
  }
  const name = blobName(chosen.digest, contents.label);
  const document = await contents.readJson(name);
  if (!document) {
    throw new ImageReadError(
      `${contents.label}: the index names ${chosen.digest}, which the archive lacks`,
    );
  }
  const mediaType =
    (document as { mediaType?: string }).mediaType ?? chosen.mediaType;
  if (
    INDEX_TYPES.has(String(mediaType)) ||
    Array.isArray((document as { manifests?: unknown }).manifests)
  ) {
    return findManifest(contents, document, platform, notes, depth + 1);
  }
  if (candidates.length > 1) {
    notes.push(
      `the index lists ${candidates.length} manifests; inspecting ${chosen.digest}`,
    );
  }
  return document;
}

function blobName(digest: string, label: string): string {
  const match = DIGEST.exec(digest);
  if (!match)
    throw new ImageReadError(
      `${label}: malformed digest ${JSON.stringify(digest)}`,
    );
  return `blobs/${match[1]}/${match[2]}`;
}

/** `sha256:<hex>` from `blobs/sha256/<hex>` or `<hex>.json` or `<hex>/layer.tar`. */
function idFromName(name: string): string | undefined {
  const blob = /blobs\/([a-z0-9]+)\/([a-f0-9]{32,128})$/.exec(name);
  if (blob) return `${blob[1]}:${blob[2]}`;
  const legacy = /(?:^|\/)([a-f0-9]{64})(?:\.json|\/layer\.tar)$/.exec(name);
  return legacy ? `sha256:${legacy[1]}` : undefined;
}
