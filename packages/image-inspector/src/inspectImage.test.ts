import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { inspectImage } from './inspectImage';
import { alpineBase, debianBase } from './__testUtils__/baseLayers';
import {
  chunked,
  dockerSaveArchive,
  imageIdOf,
  legacyDockerSaveArchive,
  lent,
  TestImage,
  writeOciLayout,
} from './__testUtils__/imageArchives';

const ALPINE: TestImage = {
  layers: [
    alpineBase(),
    {
      createdBy: 'RUN /bin/sh -c echo hi > /hi # buildkit',
      entries: [{ path: 'hi', content: 'hi\n' }],
    },
  ],
  emptyHistory: [{ before: 1, createdBy: 'ENV LANG=C.UTF-8' }],
};

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'image-inspector-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function archiveFile(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('inspectImage reads every archive form', () => {
  it('reads the same report from pieces lent from one reused buffer, gzipped or not', async () => {
    const archive = await dockerSaveArchive(ALPINE);
    const expected = await inspectImage(chunked(archive, archive.length));
    for (const bytes of [archive, zlib.gzipSync(archive)]) {
      for (const size of [1000, 64 * 1024 + 3]) {
        expect(await inspectImage(lent(bytes, size))).toEqual(expected);
      }
    }
  });

  it('reads a docker save archive (Docker 25+), its id, tags, layers and history', async () => {
    const file = await archiveFile('app.tar', await dockerSaveArchive(ALPINE));
    const report = await inspectImage(file);
    expect(report.imageId).toBe(await imageIdOf(ALPINE));
    expect(report.tags).toEqual(['example/app:1']);
    expect(report.architecture).toBe('amd64');
    expect(report.layers).toHaveLength(2);
    expect(report.layers[0].digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    // The ENV line made no layer: the second layer is the RUN's.
    expect(report.layers[1].createdBy).toBe(
      'RUN /bin/sh -c echo hi > /hi # buildkit',
    );
    expect(report.libc).toMatchObject({
      libc: 'musl',
      distro: 'alpine',
      distroVersion: '3.22.0',
      shims: [],
    });
    expect(report.libc.evidence).toContain('/lib/ld-musl-x86_64.so.1');
  });

  it('reads a legacy docker save archive, a gzipped one, stdin and an OCI layout folder alike', async () => {
    const legacy = await inspectImage(
      await archiveFile('old.tar', await legacyDockerSaveArchive(ALPINE)),
    );
    const gzipped = await inspectImage(
      await archiveFile(
        'app.tar.gz',
        zlib.gzipSync(await dockerSaveArchive(ALPINE)),
      ),
    );
    const stdin = await inspectImage(
      chunked(await dockerSaveArchive(ALPINE), 777),
      { label: '-' },
    );
    const oci = await inspectImage(
      await writeOciLayout(ALPINE, path.join(tmp, 'layout')),
    );
    for (const report of [legacy, gzipped, stdin, oci]) {
      expect(report.libc.libc).toBe('musl');
      expect(report.layers.map(layer => layer.createdBy)).toEqual([
        ALPINE.layers[0].createdBy,
        ALPINE.layers[1].createdBy,
      ]);
    }
    // Layer digests are the uncompressed diff_ids whatever the storage.
    expect(oci.layers.map(layer => layer.digest)).toEqual(
      legacy.layers.map(layer => layer.digest),
    );
  });

  it('decides glibc from the loader of a merged-/usr Debian image, and none for scratch', async () => {
    const debian = await inspectImage(
      await archiveFile(
        'debian.tar',
        await dockerSaveArchive({ layers: [debianBase()] }),
      ),
    );
    expect(debian.libc).toMatchObject({
      libc: 'glibc',
      distro: 'debian',
      distroVersion: '12',
    });
    const scratch = await inspectImage(
      await archiveFile(
        'scratch.tar',
        await dockerSaveArchive({
          layers: [{ entries: [{ path: 'app', content: 'static' }] }],
        }),
      ),
    );
    expect(scratch.libc.libc).toBe('none');
  });

  it('applies whiteouts and opaque directories of higher layers', async () => {
    const image: TestImage = {
      layers: [
        alpineBase(),
        {
          entries: [
            { path: 'opt/keep/a', content: 'a' },
            { path: 'opt/hidden/b', content: 'b' },
            { path: 'etc/alpine-release', content: '3.21.0\n' },
          ],
        },
        {
          entries: [
            // rm -rf /lib/ld-musl…: a musl image no more.
            { path: 'lib/.wh.ld-musl-x86_64.so.1', content: '' },
            { path: 'opt/hidden/.wh..wh..opq', content: '' },
            { path: 'opt/hidden/c', content: 'c' },
          ],
        },
      ],
    };
    const report = await inspectImage(
      await archiveFile('wh.tar', await dockerSaveArchive(image)),
    );
    expect(report.libc.libc).toBe('none');
    // /etc/os-release's VERSION_ID names the version before /etc/alpine-release.
    expect(report.libc.distroVersion).toBe('3.22.0');
    expect(report.libc.evidence).not.toContain('/lib/ld-musl-x86_64.so.1');
  });
});
