import { isToolingImagePath } from './filePurpose';

describe('isToolingImagePath', () => {
  it.each([
    'test/e2e-image/Dockerfile',
    'tests/Dockerfile',
    'result/tests/Dockerfile',
    'e2e/Dockerfile',
    '.github/actions/mkdocs/Dockerfile',
    'builders/linux.x86_64/Dockerfile',
    'hack/dockerfiles/lint.Dockerfile',
    '.devcontainer/Dockerfile',
    'fstest/testserver/images/test-hdfs/Dockerfile',
    'production/helm/loki/src/helm-test/Dockerfile',
    'certbot-compatibility-test/Dockerfile-nginx',
    'Dockerfile.test',
    'Dockerfile.ci',
    'docker/e2e.Dockerfile',
    'Dockerfile-tests',
    'ci\\images\\Dockerfile',
  ])('%s is for tests, CI or builds', path =>
    expect(isToolingImagePath(path)).toBe(true),
  );

  it.each([
    'Dockerfile',
    'Dockerfile.prod',
    'services/api/Dockerfile',
    // Served images: a docs site behind nginx, a demo.
    'docs/Dockerfile',
    'examples/todo/Dockerfile',
    // Words that only contain one.
    'latest/Dockerfile',
    'contest/Dockerfile',
    'circle/Dockerfile',
    'attestation/Dockerfile',
    'Dockerfile.cicd-runner-free',
  ])('%s is not', path => expect(isToolingImagePath(path)).toBe(false));
});
