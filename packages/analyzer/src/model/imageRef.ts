/** A parsed image reference such as `mcr.microsoft.com/dotnet/aspnet:8.0-alpine@sha256:…`. */
export interface ImageRef {
  /** The reference with ARGs substituted, as Docker would pull it. */
  text: string;
  /** Registry host when one is named (`gcr.io`, `localhost:5000`); undefined for Docker Hub. */
  registry?: string;
  /** Repository path without the registry, Docker Hub's `library/` removed: `python`, `dotnet/aspnet`. */
  repository: string;
  /** Last path segment: `python`, `aspnet`. */
  name: string;
  tag?: string;
  digest?: string;
  /** True when a variable in the reference has no value we can see. */
  unresolved: boolean;
}

/** Splits an image reference into registry, repository, tag and digest. */
export function parseImageRef(text: string): ImageRef {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1) || undefined;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1) || undefined;
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first.toLowerCase();
      rest = rest.slice(firstSlash + 1);
    }
  }
  if (
    registry === 'docker.io' ||
    registry === 'index.docker.io' ||
    registry === 'registry-1.docker.io'
  ) {
    registry = undefined;
  }
  let repository = rest.toLowerCase();
  if (!registry && repository.startsWith('library/'))
    repository = repository.slice('library/'.length);
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return {
    text,
    registry,
    repository,
    name,
    tag,
    digest,
    unresolved: /\$/.test(text),
  };
}

/** `registry/repository`, or just the repository for Docker Hub: the key of the image catalog. */
export function imagePath(ref: ImageRef): string {
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

/**
 * Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alt}` with
 * the given values, as BuildKit does for FROM lines; unknown names stay.
 */
export function substituteVariables(
  text: string,
  lookup: (name: string) => string | undefined,
): string {
  if (!text.includes('$')) return text;
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      match,
      braced: string | undefined,
      operator: string | undefined,
      word: string | undefined,
      bare: string | undefined,
    ) => {
      const name = braced ?? bare!;
      const value = lookup(name);
      if (!operator) return value ?? match;
      const isSet = operator.startsWith(':')
        ? value !== undefined && value !== ''
        : value !== undefined;
      if (operator.endsWith('-')) return isSet ? value! : word ?? '';
      return isSet ? word ?? '' : '';
    },
  );
}
