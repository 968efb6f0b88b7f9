import {
  ConfigError,
  createAnalyzer,
  parseConfig,
} from '@alpine-advisor/analyzer';
import { effectiveRepositoryConfig, RepositoryConfigResolver } from './config';
import { treeFromFiles } from './tree';

const tree = (files: Record<string, string>) =>
  treeFromFiles(
    Object.entries(files).map(([path, content]) => ({ path, content })),
  );

describe('RepositoryConfigResolver', () => {
  it('gives each Dockerfile the nearest config, .yaml before .yml, overrides relative to it', async () => {
    const parse = jest.fn(parseConfig);
    const resolver = new RepositoryConfigResolver(
      tree({
        '.alpine-advisor.yml': 'ignore: [apk-unpinned]\n',
        'apps/api/.alpine-advisor.yaml': [
          'severity: { apk-no-cache: info }',
          'overrides:',
          '  - files: [Dockerfile-dev]',
          '    ignore: [root-user]',
          '',
        ].join('\n'),
        'apps/api/.alpine-advisor.yml': 'ignore: [shell-form-cmd]\n',
        'apps/api/Dockerfile-dev': '',
        'apps/api/nested/Dockerfile': '',
        'apps/web/Dockerfile': '',
      }),
      parse,
    );
    await expect(
      resolver.forDockerfile('apps/web/Dockerfile'),
    ).resolves.toEqual({
      ok: true,
      config: { ignore: ['apk-unpinned'] },
      source: '.alpine-advisor.yml',
    });
    await expect(
      resolver.forDockerfile('apps/api/Dockerfile-dev'),
    ).resolves.toEqual({
      ok: true,
      config: { ignore: ['root-user'], severity: { 'apk-no-cache': 'info' } },
      source: 'apps/api/.alpine-advisor.yaml',
    });
    await resolver.forDockerfile('apps/api/nested/Dockerfile');
    // Each file parsed once, whatever the number of Dockerfiles it governs.
    expect(parse.mock.calls.map(([, path]) => path).sort()).toEqual([
      '.alpine-advisor.yml',
      'apps/api/.alpine-advisor.yaml',
    ]);
  });

  it('layers the host settings under the repository file', async () => {
    const resolver = new RepositoryConfigResolver(
      tree({
        'svc/.alpine-advisor.yaml': 'severity: { apk-no-cache: info }\n',
        'svc/Dockerfile': '',
        Dockerfile: '',
      }),
      parseConfig,
      { severity: { 'apk-no-cache': 'error', 'root-user': 'error' } },
    );
    expect(await resolver.forDockerfile('svc/Dockerfile')).toMatchObject({
      config: { severity: { 'apk-no-cache': 'info', 'root-user': 'error' } },
    });
    expect(await resolver.forDockerfile('Dockerfile')).toMatchObject({
      config: { severity: { 'apk-no-cache': 'error', 'root-user': 'error' } },
    });
  });

  it("keeps a repository's knowledge: for the Dockerfiles it governs, over the organisation's rules", async () => {
    const analyzer = createAnalyzer();
    const resolver = new RepositoryConfigResolver(
      tree({
        'services/api/.alpine-advisor.yaml':
          "knowledge:\n  images:\n    - image: registry.acme.io/base/node:22\n      alpineRelease: '3.23'\n",
        'services/api/Dockerfile': '',
        'services/web/Dockerfile': '',
      }),
      (text, path) => analyzer.parseConfig(text, path),
      { ignore: ['apk-unpinned'] },
    );
    expect(await resolver.forDockerfile('services/api/Dockerfile')).toEqual({
      ok: true,
      source: 'services/api/.alpine-advisor.yaml',
      config: {
        ignore: ['apk-unpinned'],
        knowledge: {
          images: [
            { image: 'registry.acme.io/base/node:22', alpineRelease: '3.23' },
          ],
        },
      },
    });
    expect(await resolver.forDockerfile('services/web/Dockerfile')).toEqual({
      ok: true,
      config: { ignore: ['apk-unpinned'] },
    });
  });

  it('says which file is broken and why', async () => {
    const resolver = new RepositoryConfigResolver(
      tree({ '.alpine-advisor.yaml': 'ignore: 42\n', Dockerfile: '' }),
      parseConfig,
    );
    const lookup = await resolver.forDockerfile('Dockerfile');
    expect(lookup).toMatchObject({
      ok: false,
      path: '.alpine-advisor.yaml',
      stage: 'parse',
    });
    expect(!lookup.ok && lookup.error).toBeInstanceOf(ConfigError);
  });
});

describe('effectiveRepositoryConfig', () => {
  it('without a host layer is the file resolved for the path', () => {
    expect(
      effectiveRepositoryConfig(
        {},
        {
          ignore: ['apk-unpinned'],
          failOn: 'warning',
          overrides: [
            { files: ['legacy/'], severity: { 'root-user': 'info' } },
          ],
        },
        'legacy/app/Dockerfile',
      ),
    ).toEqual({
      ignore: ['apk-unpinned'],
      severity: { 'root-user': 'info' },
      failOn: 'warning',
    });
  });
});
