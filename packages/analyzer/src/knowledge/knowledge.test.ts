import {
  addonWithoutMuslPrebuild,
  classifyDownload,
  isStaticallyLinkedTool,
  glibcPathIn,
  isJdkPath,
  javaMajorOfTag,
  missingMuslWheel,
  muslRuntimeIdentifierFor,
  onlyAllowsOlderThan,
  parseRequirement,
  PIP_PACKAGES_WITHOUT_MUSL_WHEELS,
} from '.';

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
