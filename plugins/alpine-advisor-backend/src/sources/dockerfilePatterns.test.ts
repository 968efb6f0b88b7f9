import {
  dockerfileSelector,
  isConfigFile,
  isDockerfileName,
  parseDockerfilePatterns,
} from './dockerfilePatterns';

describe('parseDockerfilePatterns', () => {
  it('reads comma-separated paths and globs, normalised', () => {
    expect(
      parseDockerfilePatterns(
        ' apps/*/Dockerfile, ./deploy/Dockerfile.migrations ,',
      ),
    ).toEqual(['apps/*/Dockerfile', 'deploy/Dockerfile.migrations']);
  });

  it.each([
    ['../other-service/Dockerfile', /path traversal refused/],
    ['apps/../../secrets/Dockerfile', /path traversal refused/],
    ['/etc/passwd', /must be relative/],
    ['file:/etc/passwd', /must be relative/],
    ['apps\\api\\Dockerfile', /forward slashes/],
    [' , ', /lists no path/],
  ])('refuses %p', (annotation, message) => {
    expect(() => parseDockerfilePatterns(annotation)).toThrow(message);
  });
});

describe('Dockerfile names', () => {
  it.each([
    'Dockerfile',
    'dockerfile',
    'Dockerfile.prod',
    'Dockerfile-dev',
    'api.Dockerfile',
    'Containerfile',
  ])('knows %p', name => expect(isDockerfileName(name)).toBe(true));

  it.each([
    'Dockerfile.template',
    'Dockerfile.j2',
    'docker-compose.yml',
    'README.md',
    'Dockerfiles',
  ])('ignores %p', name => expect(isDockerfileName(name)).toBe(false));

  it('discovers Dockerfiles outside dependency folders', () => {
    const discover = dockerfileSelector(undefined);
    expect(discover('apps/api/Dockerfile')).toBe(true);
    expect(discover('node_modules/some-lib/Dockerfile')).toBe(false);
    expect(discover('vendor/github.com/x/Dockerfile')).toBe(false);
  });

  it('selects what the annotation lists, dotfolders included', () => {
    const select = dockerfileSelector([
      'apps/*/Dockerfile',
      '.docker/Dockerfile',
    ]);
    expect(select('apps/api/Dockerfile')).toBe(true);
    expect(select('.docker/Dockerfile')).toBe(true);
    expect(select('Dockerfile')).toBe(false);
  });

  it('recognises config files outside dependency folders', () => {
    expect(isConfigFile('.alpine-advisor.yaml')).toBe(true);
    expect(isConfigFile('apps/api/.alpine-advisor.yaml')).toBe(true);
    expect(isConfigFile('node_modules/x/.alpine-advisor.yaml')).toBe(false);
  });
});
