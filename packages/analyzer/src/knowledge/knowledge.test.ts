import {
  BUSYBOX_MISSING_TOOLS,
  busyboxMissingTool,
  addonWithoutMuslPrebuild,
  BUILD_IMAGES,
  buildImageOf,
  classifyDownload,
  isStaticallyLinkedTool,
  isVerificationFile,
  STATIC_RELEASES,
  staticRelease,
  glibcPathIn,
  isJdkPath,
  javaMajorOfTag,
  missingMuslWheel,
  muslRuntimeIdentifierFor,
  onlyAllowsOlderThan,
  parseRequirement,
  PIP_PACKAGES_WITHOUT_MUSL_WHEELS,
} from '.';
import { parseImageRef } from '../model/imageRef';
import { bundledKnowledge } from './Knowledge';
import { bareAlpineTag } from './officialImages';

describe('pip wheel gaps', () => {
  const gapOf = (text: string) => {
    const requirement = parseRequirement(text);
    return requirement && missingMuslWheel(requirement)?.reason;
  };

  it('reads requirement specs as written on a pip command line', () => {
    expect(parseRequirement('Pandas[excel]==1.5.3')).toEqual({
      name: 'pandas',
      constraints: [['==', '1.5.3']],
    });
    expect(parseRequirement('numpy>=1.20,<1.25')).toEqual({
      name: 'numpy',
      constraints: [
        ['>=', '1.20'],
        ['<', '1.25'],
      ],
    });
    expect(parseRequirement('psycopg2_binary')).toEqual({
      name: 'psycopg2-binary',
      constraints: [],
    });
    expect(parseRequirement('./dist/app.whl')).toBeUndefined();
    expect(parseRequirement('https://example.org/x.tar.gz')).toBeUndefined();
    expect(
      parseRequirement('pkg @ git+https://example.org/pkg'),
    ).toBeUndefined();
  });

  it('knows which constraints exclude the first release with musllinux wheels', () => {
    expect(onlyAllowsOlderThan([['==', '1.24.4']], '1.25.0')).toBe(true);
    expect(onlyAllowsOlderThan([['==', '1.25.0']], '1.25.0')).toBe(false);
    expect(onlyAllowsOlderThan([['<', '1.25']], '1.25.0')).toBe(true);
    expect(onlyAllowsOlderThan([['<=', '1.25']], '1.25.0')).toBe(false);
    expect(onlyAllowsOlderThan([['~=', '1.24.0']], '1.25.0')).toBe(true);
    expect(onlyAllowsOlderThan([['~=', '1.24']], '1.25.0')).toBe(false);
    expect(onlyAllowsOlderThan([['>=', '1.20']], '1.25.0')).toBe(false);
    expect(onlyAllowsOlderThan([['==', '1.*']], '1.25.0')).toBe(false);
  });

  it('reports old pins and packages that never ship musllinux wheels', () => {
    expect(gapOf('numpy==1.24.4')).toBe('pinned-below');
    expect(gapOf('numpy==1.26.4')).toBeUndefined();
    expect(gapOf('numpy')).toBeUndefined();
    expect(gapOf('pandas<2')).toBe('pinned-below');
    expect(gapOf('torch')).toBe('never');
    expect(gapOf('psycopg2==2.9.9')).toBe('never');
    expect(gapOf('requests==2.31.0')).toBeUndefined();
  });

  it('cites a source for every entry', () => {
    for (const entry of PIP_PACKAGES_WITHOUT_MUSL_WHEELS)
      expect(entry.source).toMatch(/^https:\/\//);
  });
});

describe('download names', () => {
  it('recognises builds named for glibc', () => {
    expect(
      classifyDownload(
        'https://example.org/tool-1.0-x86_64-unknown-linux-gnu.tar.gz',
      )?.kind,
    ).toBe('glibc');
    expect(
      classifyDownload(
        'https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz',
      )?.kind,
    ).toBe('glibc');
    expect(
      classifyDownload('https://example.org/pkg_1.0_amd64.deb')?.kind,
    ).toBe('glibc');
    expect(
      classifyDownload('https://example.org/pkg-1.0.x86_64.rpm')?.kind,
    ).toBe('glibc');
    expect(
      classifyDownload(
        'https://static.rust-lang.org/rustup/dist/x86_64-unknown-linux-gnu/rustup-init',
      )?.kind,
    ).toBe('glibc');
    expect(
      classifyDownload(
        'https://example.org/mirror/node-v$NODE_VERSION-linux-arm64.tar.gz',
      )?.kind,
    ).toBe('glibc');
  });

  it('accepts musl, Alpine and static builds, and known static projects', () => {
    expect(
      classifyDownload(
        'https://example.org/tool-x86_64-unknown-linux-musl.tar.gz',
      ),
    ).toBeUndefined();
    expect(
      classifyDownload(
        'https://unofficial-builds.nodejs.org/download/release/v20.11.0/node-v20.11.0-linux-x64-musl.tar.xz',
      ),
    ).toBeUndefined();
    expect(
      classifyDownload(
        'https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64',
      ),
    ).toBeUndefined();
    expect(
      classifyDownload(
        'https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl',
      ),
    ).toBeUndefined();
    expect(
      classifyDownload('https://get.helm.sh/helm-v3.15.0-linux-amd64.tar.gz'),
    ).toBeUndefined();
    expect(classifyDownload('https://example.org/README.md')).toBeUndefined();
  });

  it('does not take signatures, checksums and keys for programs', () => {
    for (const url of [
      'https://example.org/acme_1.0_linux_amd64.tar.gz.asc',
      'https://example.org/acme_1.0_linux_amd64.tar.gz.sig',
      'https://example.org/acme_1.0_linux_amd64.tar.gz.sha256',
      'https://example.org/acme_1.0_linux_amd64.tar.gz.sha512',
      'https://example.org/acme-x86_64-unknown-linux-gnu.tar.gz.md5',
      'https://example.org/v1.0/SHA256SUMS',
      'https://example.org/v1.0/acme_1.0_checksums.txt',
      'https://example.org/keys/release-linux-amd64.pem',
      'https://example.org/pool/acme_1.0_amd64.deb.asc',
    ]) {
      expect(isVerificationFile(url)).toBe(true);
      expect(classifyDownload(url)).toBeUndefined();
    }
    expect(
      isVerificationFile('https://example.org/acme_1.0_linux_amd64.tar.gz'),
    ).toBe(false);
    expect(isVerificationFile('https://example.org/sha256sum-tool')).toBe(
      false,
    );
  });

  it('knows vendors that ship their generic Linux builds on Alpine', () => {
    expect(
      staticRelease(
        'https://downloads.example.org/influxdb2-2.7.5-linux-amd64.tar.gz',
      )?.name,
    ).toBe('influxdb2');
    expect(
      staticRelease(
        'https://dl.influxdata.com/enterprise/releases/influxdb-data-1.11.0-c1.11.0_linux_amd64.tar.gz',
      )?.name,
    ).toBe('influxdb');
    expect(
      staticRelease('https://dl.google.com/go/go1.24.0.linux-arm64.tar.gz')
        ?.name,
    ).toBe('go');
    expect(
      staticRelease('https://example.org/go/acme-linux-amd64.tar.gz'),
    ).toBeUndefined();
    expect(
      classifyDownload(
        'https://dl.influxdata.com/telegraf/releases/telegraf-1.30.0_linux_amd64.tar.gz',
      ),
    ).toBeUndefined();
  });

  it('says where each static release comes from', () => {
    for (const release of STATIC_RELEASES)
      expect(release.source).toMatch(/^(https:\/\/|inherited: )/);
  });

  it('knows the binaries of statically linked projects by file name', () => {
    expect(isStaticallyLinkedTool('kubectl')).toBe(true);
    expect(isStaticallyLinkedTool('node')).toBe(false);
  });

  it('flags generic Linux builds of unknown projects as probably glibc', () => {
    expect(
      classifyDownload(
        'https://example.org/releases/acme-cli-linux-amd64.tar.gz',
      )?.kind,
    ).toBe('generic-linux');
    expect(
      classifyDownload('https://example.org/releases/acme_1.2_linux_x86_64.zip')
        ?.kind,
    ).toBe('generic-linux');
  });
});

describe('glibc paths, JDKs, RIDs and node addons', () => {
  it('names glibc-only paths', () => {
    expect(glibcPathIn('/lib64/ld-linux-x86-64.so.2')).toBe(
      'the glibc dynamic loader',
    );
    expect(glibcPathIn('/lib/ld-linux-aarch64.so.1')).toBe(
      'the glibc dynamic loader',
    );
    expect(glibcPathIn('/usr/lib/x86_64-linux-gnu/libstdc++.so.6')).toContain(
      'multiarch',
    );
    expect(glibcPathIn('/lib/libc.musl-x86_64.so.1')).toBeUndefined();
  });

  it('recognises JDK locations and Java majors', () => {
    expect(isJdkPath('/opt/java/openjdk')).toBe(true);
    expect(isJdkPath('/usr/lib/jvm/java-17-openjdk-amd64')).toBe(true);
    expect(isJdkPath('/javaruntime')).toBe(true);
    expect(isJdkPath('/app/app.jar')).toBe(false);
    expect(javaMajorOfTag('11.0.23_9-jre-jammy')).toBe(11);
    expect(javaMajorOfTag('latest')).toBeUndefined();
  });

  it('maps glibc RIDs to musl RIDs', () => {
    expect(muslRuntimeIdentifierFor('linux-x64')).toBe('linux-musl-x64');
    expect(muslRuntimeIdentifierFor('linux-arm64')).toBe('linux-musl-arm64');
    expect(muslRuntimeIdentifierFor('ubuntu.22.04-x64')).toBe('linux-musl-x64');
    expect(muslRuntimeIdentifierFor('linux-musl-x64')).toBeUndefined();
    expect(muslRuntimeIdentifierFor('win-x64')).toBeUndefined();
  });

  it('knows addons without musl prebuilds, by version', () => {
    expect(addonWithoutMuslPrebuild('canvas')?.name).toBe('canvas');
    expect(addonWithoutMuslPrebuild('bcrypt@3.0.8')?.name).toBe('bcrypt');
    expect(addonWithoutMuslPrebuild('bcrypt@^5.1.1')).toBeUndefined();
    expect(addonWithoutMuslPrebuild('bcrypt')).toBeUndefined();
    expect(addonWithoutMuslPrebuild('express')).toBeUndefined();
  });
});

describe('build images', () => {
  it('knows images whose job is compiling, by repository and tag', () => {
    expect(buildImageOf('golang', '1.24-alpine')?.repository).toBe('golang');
    expect(buildImageOf('dotnet/sdk', '9.0-alpine')).toBeDefined();
    expect(buildImageOf('microsoft/dotnet', '2.1-sdk-alpine')).toBeDefined();
    expect(
      buildImageOf('microsoft/dotnet', '2.1-runtime-alpine'),
    ).toBeUndefined();
    expect(buildImageOf('dotnet/aspnet', '9.0-alpine')).toBeUndefined();
    expect(buildImageOf('python', '3.12-alpine')).toBeUndefined();
  });

  it('cites a source for every entry', () => {
    for (const image of BUILD_IMAGES)
      expect(image.source).toMatch(/^https:\/\//);
  });
});

describe('tools missing from BusyBox', () => {
  it('names the packages providing a tool, and cites a source for every entry', () => {
    expect(busyboxMissingTool('useradd')?.packages).toEqual(['shadow']);
    expect(busyboxMissingTool('locale-gen')?.packages).toEqual([]);
    expect(busyboxMissingTool('wget')).toBeUndefined();
    // Command names are data: an object's own keys only.
    expect(busyboxMissingTool('constructor')).toBeUndefined();
    for (const tool of Object.values(BUSYBOX_MISSING_TOOLS))
      for (const source of tool.sources) expect(source).toMatch(/^https:\/\//);
  });
});

describe('bare -alpine tags of the official images', () => {
  it('tells tags that follow the newest branch from lines no longer built', () => {
    expect(bareAlpineTag('node', '24-alpine')).toEqual({
      kind: 'follows-newest',
    });
    expect(bareAlpineTag('node', 'alpine')).toEqual({ kind: 'follows-newest' });
    expect(bareAlpineTag('node', '18-alpine')).toEqual({
      kind: 'last-build',
      line: '18',
      branch: '3.21',
    });
    expect(bareAlpineTag('node', 'Gallium-alpine')).toEqual({
      kind: 'last-build',
      line: '16',
      branch: '3.18',
    });
    expect(bareAlpineTag('python', '3.9-alpine')).toEqual({
      kind: 'last-build',
      line: '3.9',
      branch: '3.22',
    });
  });

  it('claims nothing for minor and patch tags, unlisted lines and other tags', () => {
    expect(bareAlpineTag('node', '18.20.8-alpine')).toEqual({
      kind: 'unknown',
    });
    expect(bareAlpineTag('node', '28-alpine')).toEqual({ kind: 'unknown' });
    expect(bareAlpineTag('python', '3-alpine')).toEqual({
      kind: 'follows-newest',
    });
    expect(bareAlpineTag('node', '18-alpine3.21')).toBeUndefined();
    expect(bareAlpineTag('golang', '1.21-alpine')).toBeUndefined();
  });

  it('gives a stage on such a tag the branch of its last build', () => {
    const knowledge = bundledKnowledge();
    const classified = knowledge.classifyImage(parseImageRef('node:18-alpine'));
    expect(classified).toMatchObject({
      distro: 'alpine',
      libc: 'musl',
      alpineRelease: '3.21',
    });
    expect(classified?.basis).toContain('node 18 is no longer built');
    expect(
      knowledge.classifyImage(parseImageRef('node:24-alpine')),
    ).toBeUndefined();
    expect(
      knowledge.classifyImage(parseImageRef('mirror.acme.io/node:18-alpine')),
    ).toBeUndefined();
  });
});
