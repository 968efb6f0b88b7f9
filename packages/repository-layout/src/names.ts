/**
 * File and folder names: which files are Dockerfiles, which are config files,
 * which folders hold other people's files. One list for the CLI and the
 * backend, so a repository has the same Dockerfiles in CI and in the portal.
 */

/** Config file names, in order of preference within one directory. @public */
export const CONFIG_FILE_NAMES: readonly string[] = [
  '.alpine-advisor.yaml',
  '.alpine-advisor.yml',
];

/**
 * Folders never searched: dependencies, vendored code and VCS metadata hold
 * other people's Dockerfiles (and config files). A Dockerfile path or glob
 * that names such a folder literally still reaches into it.
 * @public
 */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  '.git',
  '.hg',
  '.svn',
  // Test inputs, written to be odd (a linter's or a parser's), and never
  // an image the repository ships. Go's own tools skip `testdata` too;
  // `testfiles` hold Docker's and BuildKit's parser tests.
  'testdata',
  'testfiles',
  'testfiles-negative',
  'fixtures',
  '__fixtures__',
]);

/**
 * Project templates (cookiecutter, copier) name their folders with
 * placeholders: `{{cookiecutter.project_slug}}/Dockerfile` is rendered into
 * a repository's Dockerfile, and is not one yet.
 */
const TEMPLATE_DIRECTORY = /\{\{|\{%/;

/**
 * `Dockerfile`, `Dockerfile.prod`, `Dockerfile-dev`, `api.Dockerfile`,
 * `api.dockerfile`, and the same with `Containerfile` (Podman, Buildah).
 * Case-insensitive: `dockerfile` and `DockerFile` exist in the wild.
 */
const DOCKERFILE_NAME =
  /^(?:(?:dockerfile|containerfile)(?:[.-][^/]+)?|[^/]+\.(?:dockerfile|containerfile))$/i;

/**
 * Names that look like Dockerfiles but are not one:
 * - BuildKit's per-Dockerfile ignore files (`Dockerfile.dockerignore`,
 *   `api.Dockerfile.dockerignore`), which hold ignore patterns;
 * - templates rendered into a Dockerfile elsewhere (`Dockerfile.j2`,
 *   `Dockerfile.template`, `Dockerfile-debian.templ`, `Dockerfile.in`), which
 *   do not parse as one;
 * - notes, patches and editor or merge leftovers (`Dockerfile-notes.txt`,
 *   `Dockerfile.orig`, `Dockerfile.bak`, `Dockerfile~`);
 * - data and documents about Dockerfiles (`dockerfile.json` schemas,
 *   `Dockerfile.golden` test outputs, `dockerfile.svg` icons).
 * Source code named `dockerfile.go` or `dockerfile.py` is told by its text
 * (`whyNotADockerfile`): `Dockerfile.go` may as well be the Go image's.
 */
const NOT_A_DOCKERFILE =
  /(?:\.(?:dockerignore|template|templ|tmpl|tpl|j2|jinja2?|erb|ejs|hbs|mustache|tt|in|md|markdown|rst|adoc|txt|bak|orig|rej|swp|diff|patch|json|ya?ml|toml|lock|snap|golden|html?|svg|png|jpe?g|gif|ico)|~)$/i;

/** Whether a file name (not a path) is a Dockerfile. @public */
export function isDockerfileName(fileName: string): boolean {
  return DOCKERFILE_NAME.test(fileName) && !NOT_A_DOCKERFILE.test(fileName);
}

/** Whether a file name (not a path) is an Alpine Advisor config file. @public */
export function isConfigFileName(fileName: string): boolean {
  return CONFIG_FILE_NAMES.includes(fileName);
}

/** Whether a folder name is skipped when searching for Dockerfiles. @public */
export function isSkippedDirectory(name: string): boolean {
  return SKIPPED_DIRECTORIES.has(name) || TEMPLATE_DIRECTORY.test(name);
}
