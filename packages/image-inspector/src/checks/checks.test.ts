import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectImage } from '../inspectImage';
import type { ImageReport } from '../types';
import { alpineBase, debianBase } from '../__testUtils__/baseLayers';
import {
  compileC,
  compileLibraryInto,
  GREET_C,
  HELLO_C,
  USES_GREET_C,
} from '../__testUtils__/compile';
import {
  chunked,
  dockerSaveArchive,
  TestImage,
} from '../__testUtils__/imageArchives';

/*
 * Real binaries: compiled here with gcc (glibc) and musl-gcc (musl-tools),
 * placed into images built with a tar library, read back through the
 * archive reader.
 */
let work: string;
let glibcHello: Buffer;
let muslHello: Buffer;
let glibcShared: Buffer;
let muslGreetLib: Buffer;
let muslUsesGreet: Buffer;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'image-inspector-checks-'));
  glibcHello = compileC('gcc', HELLO_C);
  muslHello = compileC('musl-gcc', HELLO_C);
  glibcShared = compileC('gcc', GREET_C, ['-shared', '-fPIC']);
  const muslLibs = path.join(work, 'musl');
  fs.mkdirSync(muslLibs);
  muslGreetLib = compileLibraryInto(muslLibs, 'musl-gcc', 'greet', GREET_C);
  muslUsesGreet = compileC('musl-gcc', USES_GREET_C, [
    `-L${muslLibs}`,
    '-lgreet',
    '-Wl,-rpath,$ORIGIN/../lib',
  ]);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function inspect(image: TestImage): Promise<ImageReport> {
  return inspectImage(chunked(await dockerSaveArchive(image), 256 * 1024), {
    label: 'app.tar',
  });
}

function rules(report: ImageReport): Array<[string, string, string]> {
  return report.findings.map(finding => [
    finding.ruleId,
    finding.severity,
    finding.location.path,
  ]);
}

describe('image checks on compiled binaries', () => {
  it('flags a glibc executable on musl, with its layer and history line', async () => {
    const report = await inspect({
      layers: [
        alpineBase(),
        {
          createdBy: 'COPY /out/hello /usr/local/bin/hello # buildkit',
          entries: [{ path: 'usr/local/bin/hello', content: glibcHello }],
        },
        {
          createdBy:
            'COPY /out/musl-hello /usr/local/bin/musl-hello # buildkit',
          entries: [{ path: 'usr/local/bin/musl-hello', content: muslHello }],
        },
      ],
    });
    expect(rules(report)).toEqual([
      ['image-glibc-binary-on-musl', 'error', '/usr/local/bin/hello'],
    ]);
    const [finding] = report.findings;
    expect(finding.message).toContain('PT_INTERP /lib64/ld-linux-x86-64.so.2');
    expect(finding.location).toEqual({
      path: '/usr/local/bin/hello',
      layer: 1,
      layerDigest: report.layers[1].digest,
      createdBy: 'COPY /out/hello /usr/local/bin/hello # buildkit',
    });
    expect(report.stats.elfFiles).toBe(2);
  });

  it('flags a musl executable on glibc, but not glibc executables there', async () => {
    const report = await inspect({
      layers: [
        debianBase(),
        {
          entries: [
            { path: 'usr/local/bin/hello', content: muslHello },
            { path: 'usr/bin/ok', content: glibcHello },
          ],
        },
      ],
    });
    expect(rules(report)).toEqual([
      ['image-musl-binary-on-glibc', 'error', '/usr/local/bin/hello'],
    ]);
  });

  it('resolves DT_NEEDED through RUNPATH $ORIGIN, the musl path file and symlinks, and reports what resolves nowhere', async () => {
    const layout = (
      libraryAt: string | undefined,
      extra: TestImage['layers'] = [],
    ): TestImage => ({
      layers: [
        alpineBase(),
        {
          entries: [
            { path: 'app/bin/tool', content: muslUsesGreet },
            ...(libraryAt
              ? [
                  {
                    path: `${libraryAt}/libgreet.so.1.0`,
                    content: muslGreetLib,
                  },
                  {
                    path: `${libraryAt}/libgreet.so`,
                    symlink: 'libgreet.so.1.0',
                  },
                ]
              : []),
          ],
        },
        ...extra,
      ],
    });
    expect(rules(await inspect(layout('app/lib')))).toEqual([]); // RUNPATH $ORIGIN/../lib
    expect(rules(await inspect(layout('usr/lib')))).toEqual([]); // musl's default path
    expect(rules(await inspect(layout('opt/greet')))).toEqual([
      ['image-unresolved-library', 'error', '/app/bin/tool'],
    ]);
    const withPathFile = await inspect(
      layout('opt/greet', [
        {
          entries: [
            {
              path: 'etc/ld-musl-x86_64.path',
              content: '/lib\n/usr/lib\n/opt/greet\n',
            },
          ],
        },
      ]),
    );
    expect(rules(withPathFile)).toEqual([]);
    const [missing] = (await inspect(layout(undefined))).findings;
    expect(missing.message).toMatch(
      /needs libgreet.so, which resolves nowhere in the image \(searched \/app\/lib:\/lib:\/usr\/local\/lib:\/usr\/lib\)/,
    );
    // A whiteout of the library in a later layer makes it unresolved again.
    const deleted = await inspect(
      layout('usr/lib', [
        { entries: [{ path: 'usr/lib/.wh.libgreet.so.1.0', content: '' }] },
      ]),
    );
    expect(rules(deleted)).toEqual([
      ['image-unresolved-library', 'error', '/app/bin/tool'],
    ]);
  });

  it('resolves glibc libraries through ld.so.conf and merged-/usr symlinks', async () => {
    const report = await inspect({
      layers: [
        debianBase(),
        { entries: [{ path: 'usr/bin/hello', content: glibcHello }] },
      ],
    });
    expect(rules(report)).toEqual([]);
  });

  it('flags manylinux wheels on musl, and covers their .so files with the wheel finding', async () => {
    const sitePackages = 'usr/local/lib/python3.12/site-packages';
    const report = await inspect({
      layers: [
        alpineBase(),
        {
          createdBy:
            'RUN /bin/sh -c pip install --platform manylinux2014_x86_64 --only-binary=:all: fastjson # buildkit',
          entries: [
            {
              path: `${sitePackages}/fastjson-1.0.dist-info/WHEEL`,
              content:
                'Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp312-cp312-manylinux_2_17_x86_64\nTag: cp312-cp312-manylinux2014_x86_64\n',
            },
            {
              path: `${sitePackages}/fastjson/_speedups.cpython-312-x86_64-linux-gnu.so`,
              content: glibcShared,
            },
            {
              path: `${sitePackages}/purelib-2.0.dist-info/WHEEL`,
              content: 'Wheel-Version: 1.0\nTag: py3-none-any\n',
            },
            {
              path: `${sitePackages}/musly-1.0.dist-info/WHEEL`,
              content:
                'Wheel-Version: 1.0\nTag: cp312-cp312-musllinux_1_2_x86_64\n',
            },
          ],
        },
      ],
    });
    expect(rules(report)).toEqual([
      [
        'image-manylinux-wheel-on-musl',
        'error',
        `/${sitePackages}/fastjson-1.0.dist-info/WHEEL`,
      ],
    ]);
    expect(report.findings[0].message).toContain(
      'fastjson-1.0 was installed from a glibc wheel (cp312-cp312-manylinux_2_17_x86_64, cp312-cp312-manylinux2014_x86_64)',
    );
  });

  it('flags glibc node addons, a glibc JDK once, and other glibc libraries on musl', async () => {
    const report = await inspect({
      layers: [
        alpineBase(),
        {
          entries: [
            {
              path: 'app/node_modules/sharp/build/Release/sharp.node',
              content: glibcShared,
            },
            {
              path: 'opt/java/openjdk/lib/server/libjvm.so',
              content: glibcShared,
            },
            { path: 'opt/java/openjdk/lib/libjava.so', content: glibcShared },
            { path: 'opt/vendor/libvendor.so', content: glibcShared },
          ],
        },
      ],
    });
    expect(rules(report)).toEqual([
      [
        'image-glibc-node-addon-on-musl',
        'error',
        '/app/node_modules/sharp/build/Release/sharp.node',
      ],
      ['image-glibc-runtime-on-musl', 'error', '/opt/java/openjdk'],
      ['image-glibc-library-on-musl', 'error', '/opt/vendor/libvendor.so'],
    ]);
    expect(report.findings[1].message).toContain(
      'The JDK/JRE at /opt/java/openjdk is built for glibc (libjvm.so needs libc.so.6)',
    );
  });

  it('lowers glibc findings to warnings under gcompat and says what the shim masks', async () => {
    const shimmed: TestImage = {
      layers: [
        alpineBase(['musl', 'gcompat']),
        {
          entries: [
            {
              path: 'lib/ld-linux-x86-64.so.2',
              content: 'gcompat loader stand-in',
            },
            { path: 'lib64', symlink: 'lib' },
            { path: 'lib/libgcompat.so.0', content: 'gcompat stand-in' },
            { path: 'usr/local/bin/hello', content: glibcHello },
          ],
        },
      ],
    };
    const report = await inspect(shimmed);
    expect(report.libc.shims).toEqual(['gcompat']);
    expect(rules(report)).toEqual([
      ['image-glibc-shim-masking', 'warning', '/lib/apk/db/installed'],
      ['image-glibc-binary-on-musl', 'warning', '/usr/local/bin/hello'],
    ]);
    expect(report.findings[0].message).toContain(
      'gcompat masks 1 glibc-linked file (/usr/local/bin/hello)',
    );
    const unused = await inspect({ layers: [alpineBase(['musl', 'gcompat'])] });
    expect(rules(unused)).toEqual([
      ['image-glibc-shim-masking', 'info', '/lib/apk/db/installed'],
    ]);
  });
});
