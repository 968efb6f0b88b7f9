import {
  classifyRepositoryPath,
  DockerfilePatternError,
  isSearchedDirectory,
  matchesPattern,
  parseDockerfilePatterns,
} from './patterns';

describe('parseDockerfilePatterns', () => {
  it('reads comma-separated paths and globs, normalised', () => {
    expect(
      parseDockerfilePatterns(
        ' apps/*/Dockerfile, ./deploy/Dockerfile.migrations ,images/',
      ),
    ).toEqual(['apps/*/Dockerfile', 'deploy/Dockerfile.migrations', 'images/']);
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
    expect(() => parseDockerfilePatterns(annotation)).toThrow(
      DockerfilePatternError,
    );
  });
});

describe('matchesPattern', () => {
  it('takes a plain path as one file', () => {
    expect(matchesPattern('Dockerfile', 'Dockerfile')).toBe(true);
    expect(matchesPattern('apps/api/Dockerfile', 'Dockerfile')).toBe(false);
  });

  it('reads globs as config overrides do', () => {
    expect(matchesPattern('apps/api/Dockerfile', 'apps/*/Dockerfile')).toBe(
      true,
    );
    expect(matchesPattern('.docker/Dockerfile', '.docker/*')).toBe(true);
    // No slash: the file name at any depth; a trailing slash: everything below.
    expect(matchesPattern('apps/api/api.Dockerfile', '*.Dockerfile')).toBe(
      true,
    );
    expect(matchesPattern('legacy/a/Dockerfile', 'legacy/')).toBe(true);
  });
});

describe('classifyRepositoryPath', () => {
  it('discovers Dockerfiles and configs outside skipped folders', () => {
    expect(classifyRepositoryPath('apps/api/Dockerfile')).toBe('dockerfile');
    expect(classifyRepositoryPath('apps/api/Dockerfile-dev')).toBe(
      'dockerfile',
    );
    expect(classifyRepositoryPath('apps/api/Dockerfile.dockerignore')).toBe(
      undefined,
    );
    expect(classifyRepositoryPath('.alpine-advisor.yaml')).toBe('config');
    expect(classifyRepositoryPath('apps/api/.alpine-advisor.yml')).toBe(
      'config',
    );
    expect(classifyRepositoryPath('node_modules/lib/Dockerfile')).toBe(
      undefined,
    );
    expect(classifyRepositoryPath('vendor/github.com/x/Dockerfile')).toBe(
      undefined,
    );
    expect(
      classifyRepositoryPath('node_modules/x/.alpine-advisor.yaml'),
    ).toBeUndefined();
  });

  it('selects what the patterns match, whatever the name, dotfolders included', () => {
    const patterns = ['apps/*/Dockerfile', '.docker/*', 'build/image.def'];
    expect(classifyRepositoryPath('apps/api/Dockerfile', patterns)).toBe(
      'dockerfile',
    );
    expect(classifyRepositoryPath('.docker/base', patterns)).toBe('dockerfile');
    expect(classifyRepositoryPath('build/image.def', patterns)).toBe(
      'dockerfile',
    );
    expect(classifyRepositoryPath('Dockerfile', patterns)).toBeUndefined();
    expect(classifyRepositoryPath('.alpine-advisor.yaml', patterns)).toBe(
      'config',
    );
  });

  it('reaches into a skipped folder only when a pattern names it', () => {
    expect(
      classifyRepositoryPath('node_modules/lib/Dockerfile', ['**/Dockerfile']),
    ).toBeUndefined();
    expect(
      classifyRepositoryPath('vendor/acme/Dockerfile', ['vendor/*/Dockerfile']),
    ).toBe('dockerfile');
    expect(isSearchedDirectory('vendor', ['vendor/*/Dockerfile'])).toBe(true);
    expect(isSearchedDirectory('vendor', ['**/Dockerfile'])).toBe(false);
    expect(isSearchedDirectory('vendor')).toBe(false);
    expect(isSearchedDirectory('apps/api')).toBe(true);
  });
});
