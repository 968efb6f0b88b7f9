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
  /**
   * True when an unresolved variable stands where the tag is or could be:
   * `golang:${GO_VERSION}`, `alpine$TAG`, `$BASE_IMAGE`. Such a reference is
   * neither untagged nor `latest` as far as we can tell. `${REGISTRY}/ubuntu`
   * is not: whatever the registry, it names no tag.
   */
  tagIsVariable: boolean;
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
    // A variable first segment (`${REGISTRY}/ubuntu`) is most often a
    // registry or mirror: the image is still known by the rest of its path.
    if (
      first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first.startsWith('$')
    ) {
      registry = first.startsWith('$') ? first : first.toLowerCase();
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
  let repository = lowerOutsideVariables(rest);
  if (
    (!registry || registry.startsWith('$')) &&
    repository.startsWith('library/')
  )
    repository = repository.slice('library/'.length);
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return {
    text,
    registry,
    repository,
    name,
    tag,
    digest,
    unresolved: text.includes('$'),
    tagIsVariable:
      tag !== undefined
        ? tag.includes('$')
        : digest === undefined && name.includes('$'),
  };
}

/**
 * True when the text holds a `${…}` form substituteVariables does not
 * evaluate: `${VAR/a/b}`, `${VAR#prefix}`, `${VAR:0:3}`, `${#VAR}`.
 */
export function hasUnsupportedExpansion(text: string): boolean {
  return /\$\{(?![A-Za-z_][A-Za-z0-9_]*(?::?[-+][^}]*)?\})/.test(text);
}

/** Lower-cases a repository path, keeping variable names as written. */
function lowerOutsideVariables(text: string): string {
  if (!text.includes('$')) return text.toLowerCase();
  return text.replace(
    /(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)|[^$]+/g,
    (part, variable: string | undefined) =>
      variable ? part : part.toLowerCase(),
  );
}

/**
 * The literal text of a reference part with each unresolved variable
 * replaced by `-`, a separator, so that tag conventions read the parts
 * around it: `${GO_VERSION}-alpine3.23` → `--alpine3.23`.
 */
export function literalParts(text: string): string {
  if (!text.includes('$')) return text;
  return text.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$/g, '-');
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
