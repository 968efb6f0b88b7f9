/*
 * `.dockerignore` with Docker's own semantics (moby's patternmatcher as
 * implemented by @balena/dockerignore): patterns relative to the context
 * root, `**`, a leading `/` ignored, a folder excluding what it holds, and
 * `!` exceptions where the last matching line wins. BuildKit reads
 * `<Dockerfile name>.dockerignore` beside the Dockerfile first.
 */
import ignore from '@balena/dockerignore';

/** The `.dockerignore` of the context, as Docker matches it. @public */
export interface DockerignoreFacts {
  /** The file that applies, or undefined when the context has none. */
  file?: string;
  /** Whether `COPY`/`ADD` from the context leaves this path (relative to the context root) out. */
  excludes(path: string): boolean;
}

export function parseDockerignore(
  file: string | undefined,
  text: string,
): DockerignoreFacts {
  const matcher = ignore({ ignorecase: false });
  const patterns = text
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
  matcher.add(patterns);
  return {
    file,
    excludes: path => {
      const clean = path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
      return clean !== '' && matcher.ignores(clean);
    },
  };
}

export const NO_DOCKERIGNORE: DockerignoreFacts = { excludes: () => false };
