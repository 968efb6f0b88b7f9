import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { inspectImage } from './inspectImage';
import { ImageReadError } from './ImageReadError';
import { alpineBase } from './__testUtils__/baseLayers';
import {
  chunked,
  dockerSaveArchive,
  layerTar,
  tarOf,
} from './__testUtils__/imageArchives';

/*
 * Archives built to hurt: each must end in a clear ImageReadError (or a
 * harmless report), in bounded time and memory, with nothing written. The
 * inspector never extracts, so "nothing written" is checked where a naive
 * extractor would have written.
 */
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'image-inspector-hostile-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function inspectBytes(bytes: Buffer, limits = {}) {
  return inspectImage(chunked(bytes, 64 * 1024), {
    label: 'hostile.tar',
    limits,
  });
}

describe('hostile archives', () => {
  it('refuses a layer entry that climbs out of the root, and writes nothing there', async () => {
    const escapee = path.join(tmp, 'escaped');
    const relative = path.relative('/', escapee);
    const archive = await dockerSaveArchive({
      layers: [
        alpineBase(),
        {
          entries: [
            { path: `../../../../../../../../${relative}`, content: 'pwned' },
          ],
        },
      ],
    });
    await expect(inspectBytes(archive)).rejects.toThrow(
      /climbs out of the image root \(path traversal\)/,
    );
    expect(fs.existsSync(escapee)).toBe(false);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('survives symlink loops: the looping paths resolve to nothing', async () => {
    const archive = await dockerSaveArchive({
      layers: [
        {
          entries: [
            { path: 'etc/os-release', symlink: 'os-release' },
            { path: 'lib', symlink: 'usr/lib' },
            { path: 'usr/lib', symlink: '/lib' },
            { path: 'etc/alpine-release', symlink: '../etc/alpine-release' },
          ],
        },
      ],
    });
    const report = await inspectBytes(archive);
    expect(report.libc).toMatchObject({
      libc: 'none',
      distro: undefined,
      distroVersion: undefined,
    });
  });

  it('reports a truncated archive and a truncated layer as such', async () => {
    const archive = await dockerSaveArchive({ layers: [alpineBase()] });
    await expect(
      inspectBytes(archive.subarray(0, Math.floor(archive.length / 2))),
    ).rejects.toThrow(/truncated or corrupt/);
    const layer = await layerTar([
      { path: 'big', content: Buffer.alloc(100_000, 7) },
    ]);
    const cut = await tarOf([
      {
        name: 'manifest.json',
        content: JSON.stringify([
          { Config: 'c.json', Layers: ['l/layer.tar'] },
        ]),
      },
      { name: 'c.json', content: '{}' },
      { name: 'l/layer.tar', content: layer.subarray(0, 50_000) },
    ]);
    await expect(inspectBytes(cut)).rejects.toThrow(
      /l\/layer\.tar: not a readable layer .*truncated or corrupt/,
    );
  });

  it('reports an entry claiming more bytes than the archive has (a huge entry) without reading them', async () => {
    const header = Buffer.alloc(512);
    header.write('huge', 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write('77777777777\0', 124); // 8 GiB
    header.write('00000000000\0', 136);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    header.write('        ', 148);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    await expect(
      inspectBytes(Buffer.concat([header, Buffer.alloc(4096)])),
    ).rejects.toThrow(
      /hostile.tar: not a readable image archive \(Unexpected end of data\)/,
    );
  });

  it('stops a decompression bomb at the ratio limit', async () => {
    const bombLayer = zlib.gzipSync(
      await layerTar([
        { path: 'zeros', content: Buffer.alloc(8 * 1024 * 1024) },
      ]),
    );
    expect(bombLayer.length).toBeLessThan(100_000);
    const archive = await tarOf([
      {
        name: 'manifest.json',
        content: JSON.stringify([
          { Config: 'c.json', Layers: ['blobs/sha256/aa'] },
        ]),
      },
      { name: 'c.json', content: '{}' },
      { name: 'blobs/sha256/aa', content: bombLayer },
    ]);
    await expect(
      inspectBytes(archive, {
        bombThresholdBytes: 4 * 1024 * 1024,
        maxCompressionRatio: 100,
      }),
    ).rejects.toThrow(/decompression bomb/);
    // A whole-archive gzip bomb is caught the same way.
    await expect(
      inspectBytes(
        zlib.gzipSync(
          await tarOf([
            { name: 'zeros', content: Buffer.alloc(8 * 1024 * 1024) },
          ]),
        ),
        {
          bombThresholdBytes: 4 * 1024 * 1024,
          maxCompressionRatio: 100,
        },
      ),
    ).rejects.toThrow(/decompression bomb/);
  }, 60_000);

  it('enforces the byte, entry, JSON and path limits', async () => {
    const archive = await dockerSaveArchive({ layers: [alpineBase()] });
    await expect(
      inspectBytes(archive, { maxUncompressedBytes: 100 }),
    ).rejects.toThrow(/uncompressed \(limit\)/);
    await expect(inspectBytes(archive, { maxEntries: 3 })).rejects.toThrow(
      /entries .*\(limit\)/,
    );
    await expect(inspectBytes(archive, { maxJsonBytes: 64 })).rejects.toThrow(
      /JSON document larger than 64 bytes/,
    );
    await expect(inspectBytes(archive, { maxPathLength: 8 })).rejects.toThrow(
      /characters long \(limit 8\)/,
    );
  });

  it('says what is wrong with archives that are no image', async () => {
    await expect(
      inspectBytes(Buffer.from('not a tar at all'.repeat(100))),
    ).rejects.toThrow(ImageReadError);
    await expect(
      inspectBytes(await tarOf([{ name: 'hello.txt', content: 'hi' }])),
    ).rejects.toThrow(
      /neither manifest.json \(docker save\) nor index.json \(OCI layout\)/,
    );
    const badDigest = await tarOf([
      {
        name: 'index.json',
        content: JSON.stringify({
          manifests: [{ digest: 'sha256:../../etc/passwd' }],
        }),
      },
    ]);
    await expect(inspectBytes(badDigest)).rejects.toThrow(/malformed digest/);
    const missingLayer = await tarOf([
      {
        name: 'manifest.json',
        content: JSON.stringify([
          { Config: 'c.json', Layers: ['gone/layer.tar'] },
        ]),
      },
      { name: 'c.json', content: '{}' },
    ]);
    await expect(inspectBytes(missingLayer)).rejects.toThrow(
      /names layer gone\/layer.tar, which the archive lacks/,
    );
  });
});
