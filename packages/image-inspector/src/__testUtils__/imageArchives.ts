import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import tar from 'tar-stream';

/** One entry a test puts into a layer. */
export type TestEntry =
  | { path: string; content: string | Buffer; mode?: number }
  | { path: string; symlink: string }
  | { path: string; hardlink: string }
  | { path: string; directory: true };

export interface TestLayer {
  entries: TestEntry[];
  /** The history line; `RUN /bin/sh -c …` by default. */
  createdBy?: string;
}

export interface TestImage {
  layers: TestLayer[];
  env?: string[];
  /** History entries that made no layer (ENV, CMD…), inserted before the layer of that index. */
  emptyHistory?: Array<{ before: number; createdBy: string }>;
}

/**
 * Every entry's time: tar-stream stamps the current time otherwise, and the
 * same layer built twice across a second boundary would get another digest.
 */
const MTIME = new Date('2026-01-01T00:00:00Z');

/** A layer tar as docker writes it, built with tar-stream. */
export async function layerTar(entries: TestEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const entry of entries) {
    if ('content' in entry) {
      pack.entry(
        { name: entry.path, mode: entry.mode ?? 0o755, mtime: MTIME },
        entry.content,
      );
    } else if ('symlink' in entry) {
      pack.entry({
        name: entry.path,
        type: 'symlink',
        linkname: entry.symlink,
        mtime: MTIME,
      });
    } else if ('hardlink' in entry) {
      pack.entry({
        name: entry.path,
        type: 'link',
        linkname: entry.hardlink,
        mtime: MTIME,
      });
    } else {
      pack.entry({
        name: entry.path,
        type: 'directory',
        mode: 0o755,
        mtime: MTIME,
      });
    }
  }
  pack.finalize();
  return collect(pack as unknown as AsyncIterable<Buffer>);
}

export async function tarOf(
  files: Array<{ name: string; content: Buffer | string }>,
): Promise<Buffer> {
  const pack = tar.pack();
  for (const file of files)
    pack.entry({ name: file.name, mtime: MTIME }, file.content);
  pack.finalize();
  return collect(pack as unknown as AsyncIterable<Buffer>);
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface Blobs {
  config: { name: string; digest: string; bytes: Buffer };
  layers: Array<{ digest: string; bytes: Buffer }>;
  manifest: Buffer;
  diffIds: string[];
}

async function blobsOf(image: TestImage, gzipLayers: boolean): Promise<Blobs> {
  const tars = await Promise.all(
    image.layers.map(layer => layerTar(layer.entries)),
  );
  const diffIds = tars.map(bytes => `sha256:${sha256(bytes)}`);
  const layers = tars.map(bytes => {
    const stored = gzipLayers ? zlib.gzipSync(bytes) : bytes;
    return { digest: `sha256:${sha256(stored)}`, bytes: stored };
  });
  const history: Array<{ created_by: string; empty_layer?: boolean }> = [];
  image.layers.forEach((layer, index) => {
    for (const empty of image.emptyHistory ?? []) {
      if (empty.before === index)
        history.push({ created_by: empty.createdBy, empty_layer: true });
    }
    history.push({
      created_by: layer.createdBy ?? `RUN /bin/sh -c layer ${index} # buildkit`,
    });
  });
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {
        Env: image.env ?? [
          'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        ],
      },
      rootfs: { type: 'layers', diff_ids: diffIds },
      history,
    }),
  );
  const configDigest = `sha256:${sha256(config)}`;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: layers.map(layer => ({
        mediaType: gzipLayers
          ? 'application/vnd.oci.image.layer.v1.tar+gzip'
          : 'application/vnd.oci.image.layer.v1.tar',
        digest: layer.digest,
        size: layer.bytes.length,
      })),
    }),
  );
  return {
    config: {
      name: blobPath(configDigest),
      digest: configDigest,
      bytes: config,
    },
    layers,
    manifest,
    diffIds,
  };
}

function blobPath(digest: string): string {
  return `blobs/${digest.replace(':', '/')}`;
}

/**
 * `docker save` of Docker 25+: an OCI layout plus manifest.json, with
 * manifest.json and index.json last as docker writes them, so the reader
 * meets layers before it knows their order.
 */
export async function dockerSaveArchive(
  image: TestImage,
  tag = 'example/app:1',
): Promise<Buffer> {
  const blobs = await blobsOf(image, false);
  const manifestDigest = `sha256:${sha256(blobs.manifest)}`;
  return tarOf([
    ...blobs.layers.map(layer => ({
      name: blobPath(layer.digest),
      content: layer.bytes,
    })),
    { name: blobs.config.name, content: blobs.config.bytes },
    { name: blobPath(manifestDigest), content: blobs.manifest },
    { name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' },
    {
      name: 'index.json',
      content: JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: manifestDigest,
            size: blobs.manifest.length,
          },
        ],
      }),
    },
    {
      name: 'manifest.json',
      content: JSON.stringify([
        {
          Config: blobs.config.name,
          RepoTags: [tag],
          Layers: blobs.layers.map(layer => blobPath(layer.digest)),
        },
      ]),
    },
  ]);
}

/** `docker save` before Docker 25: `<id>/layer.tar` folders and `<config-hex>.json`. */
export async function legacyDockerSaveArchive(
  image: TestImage,
): Promise<Buffer> {
  const blobs = await blobsOf(image, false);
  const configName = `${blobs.config.digest.slice('sha256:'.length)}.json`;
  const layerNames = blobs.layers.map(
    (_, index) => `${sha256(`v1-${index}`)}/layer.tar`,
  );
  return tarOf([
    {
      name: 'manifest.json',
      content: JSON.stringify([
        { Config: configName, RepoTags: null, Layers: layerNames },
      ]),
    },
    ...blobs.layers.map((layer, index) => ({
      name: layerNames[index],
      content: layer.bytes,
    })),
    { name: configName, content: blobs.config.bytes },
  ]);
}

/** An OCI image layout folder with gzip-compressed layers, written under `dir`. */
export async function writeOciLayout(
  image: TestImage,
  dir: string,
): Promise<string> {
  const blobs = await blobsOf(image, true);
  const manifestDigest = `sha256:${sha256(blobs.manifest)}`;
  const write = (name: string, content: Buffer | string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
  for (const layer of blobs.layers) write(blobPath(layer.digest), layer.bytes);
  write(blobs.config.name, blobs.config.bytes);
  write(blobPath(manifestDigest), blobs.manifest);
  write('oci-layout', '{"imageLayoutVersion":"1.0.0"}');
  write(
    'index.json',
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: manifestDigest,
          size: blobs.manifest.length,
          platform: { os: 'linux', architecture: 'amd64' },
        },
      ],
    }),
  );
  return dir;
}

/** The config digest an archive of `image` will carry, for assertions. */
export async function imageIdOf(image: TestImage): Promise<string> {
  return (await blobsOf(image, false)).config.digest;
}

export async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

export async function* chunked(
  bytes: Buffer,
  size: number,
): AsyncIterable<Buffer> {
  for (let at = 0; at < bytes.length; at += size)
    yield bytes.subarray(at, at + size);
}

/**
 * `bytes` in pieces of `size` lent from one buffer, scribbled over when the
 * next piece is asked for: as the file reader lends its read buffers. A
 * reader that keeps a piece without copying it sees the scribbles.
 */
export async function* lent(
  bytes: Buffer,
  size: number,
): AsyncIterable<Buffer> {
  const buffer = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const length = bytes.copy(buffer, 0, at, at + size);
    yield buffer.subarray(0, length);
    buffer.fill(0xaa);
  }
}
