/*
 * What a Dockerfile's own path says its image is for. Repositories keep the
 * images they test or build with apart from the ones they ship: under
 * `test/`, `e2e/`, `.github/`, `builders/`, or with a `test`/`ci` affix
 * (`test-hdfs/`, `helm-test/`, `Dockerfile.ci`).
 */

/** Folders whose images run in tests, CI or builds, not in production. */
const TOOLING_FOLDER =
  /^(?:tests?|testing|e2e|integration-tests?|\.github|\.gitlab|\.circleci|\.buildkite|\.ci|ci|builders?|hack|\.devcontainer)$/i;
/** A `test`, `e2e` or `ci` word in a folder or file name: `e2e-image`, `helm-test`, `Dockerfile.test`. */
const TOOLING_WORD = /(?:^|[-_.])(?:tests?|e2e|ci)(?:$|[-_.])/i;

/**
 * Whether the Dockerfile at `path` (POSIX or Windows separators) builds an
 * image for tests, CI or builds: a folder on its path, or its own name, says
 * so. Documentation and example folders do not: their images are often
 * served (a docs site behind nginx, a demo).
 */
export function isToolingImagePath(path: string): boolean {
  const segments = path.split(/[\\/]/).filter(Boolean);
  const fileName = segments.pop() ?? '';
  return (
    segments.some(
      segment => TOOLING_FOLDER.test(segment) || TOOLING_WORD.test(segment),
    ) || TOOLING_WORD.test(fileName)
  );
}
