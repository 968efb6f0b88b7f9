/**
 * File names a directory search picks up: `Dockerfile`, `Dockerfile.*`
 * (`Dockerfile.prod`), `*.Dockerfile` / `*.dockerfile` and `Containerfile`,
 * the names Docker, Podman and Buildah look for. Matching is
 * case-insensitive because `dockerfile` and `DockerFile` exist in the wild.
 */
export function isDockerfileName(fileName: string): boolean {
  const name = fileName.toLowerCase();
  return (
    name === 'dockerfile' ||
    name === 'containerfile' ||
    (name.startsWith('dockerfile.') && name.length > 'dockerfile.'.length) ||
    (name.endsWith('.dockerfile') && name.length > '.dockerfile'.length)
  );
}

/** Directories never searched: dependencies and VCS metadata hold other people's Dockerfiles. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  'vendor',
]);
