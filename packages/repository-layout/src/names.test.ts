import {
  isConfigFileName,
  isDockerfileName,
  isSkippedDirectory,
} from './names';

describe('isDockerfileName', () => {
  it.each([
    'Dockerfile',
    'dockerfile',
    'DockerFile',
    'Dockerfile.prod',
    'Dockerfile.alpine.dev',
    'Dockerfile-dev',
    'api.Dockerfile',
    'worker.dockerfile',
    'Containerfile',
    'Containerfile.musl',
    'Containerfile-edge',
    'api.containerfile',
    // Told by their text, not their name: this may be the Go image's.
    'Dockerfile.go',
    'Dockerfile.python',
  ])('accepts %s', name => expect(isDockerfileName(name)).toBe(true));

  it.each([
    // BuildKit's per-Dockerfile ignore files hold patterns, not instructions.
    'Dockerfile.dockerignore',
    'api.Dockerfile.dockerignore',
    'Containerfile.dockerignore',
    '.dockerignore',
    // Templates rendered elsewhere, notes and leftovers.
    'Dockerfile.template',
    'Dockerfile.j2',
    'Dockerfile-debian.templ',
    'Dockerfile.in',
    'Dockerfile-notes.txt',
    'Dockerfile.md',
    'Containerfile.bak',
    'Dockerfile.orig',
    'Dockerfile~',
    // Data and documents about Dockerfiles.
    'dockerfile.json',
    'Dockerfile.golden',
    'dockerfile.svg',
    'Dockerfile.yml',
    'Dockerfile.lock',
    // Not Dockerfile names at all.
    'Dockerfile.',
    'Dockerfile-',
    '.dockerfile',
    'Dockerfiles',
    'docker-compose.yml',
    'README.md',
  ])('rejects %s', name => expect(isDockerfileName(name)).toBe(false));
});

describe('isConfigFileName', () => {
  it('knows both spellings and nothing else', () => {
    expect(isConfigFileName('.alpine-advisor.yaml')).toBe(true);
    expect(isConfigFileName('.alpine-advisor.yml')).toBe(true);
    expect(isConfigFileName('alpine-advisor.yaml')).toBe(false);
    expect(isConfigFileName('.alpine-advisor.json')).toBe(false);
  });
});

describe('isSkippedDirectory', () => {
  it.each([
    'node_modules',
    'vendor',
    'testdata',
    'testfiles',
    'fixtures',
    '__fixtures__',
    '{{cookiecutter.project_slug}}',
    '{% if docker %}api{% endif %}',
  ])('skips %s', name => expect(isSkippedDirectory(name)).toBe(true));

  it.each(['src', 'docker', 'test', 'tests', 'e2e', 'fixture-service'])(
    'searches %s',
    name => expect(isSkippedDirectory(name)).toBe(false),
  );
});
