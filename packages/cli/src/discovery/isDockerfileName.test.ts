import { isDockerfileName } from './isDockerfileName';

describe('isDockerfileName', () => {
  it.each([
    'Dockerfile',
    'dockerfile',
    'Dockerfile.prod',
    'Dockerfile.alpine.dev',
    'api.Dockerfile',
    'worker.dockerfile',
    'Containerfile',
  ])('accepts %s', name => expect(isDockerfileName(name)).toBe(true));

  it.each([
    'Dockerfile-notes.txt',
    'Dockerfile.',
    '.dockerfile',
    'Dockerfiles',
    'docker-compose.yml',
    '.dockerignore',
    // Only the exact name Containerfile counts.
    'Containerfile.bak',
  ])('rejects %s', name => expect(isDockerfileName(name)).toBe(false));
});
