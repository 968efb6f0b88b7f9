/*
 * Images whose job is building: a compiler in them is the product, not
 * something left behind. An image built FROM one of these (a Go or Rust
 * CI image, a .NET SDK image with extra tools) keeps its toolchain on
 * purpose. Matched on the repository path, registry excluded.
 */

export interface BuildImage {
  /** Repository path as `ImageRef.repository` spells it (`golang`, `dotnet/sdk`). */
  repository: string;
  /** When only some tags are SDKs (`microsoft/dotnet:2.1-sdk-alpine`). */
  tag?: RegExp;
  source: string;
}

export const BUILD_IMAGES: readonly BuildImage[] = [
  {
    repository: 'golang',
    source:
      'https://hub.docker.com/_/golang (the Go toolchain; "golang:<version>-alpine")',
  },
  {
    repository: 'rust',
    source:
      'https://hub.docker.com/_/rust (rustc and cargo; "rust:<version>-alpine")',
  },
  {
    repository: 'gcc',
    source: 'https://hub.docker.com/_/gcc (the GNU Compiler Collection)',
  },
  {
    repository: 'dotnet/sdk',
    source:
      'https://hub.docker.com/r/microsoft/dotnet-sdk (the .NET SDK, with Alpine variants)',
  },
  {
    repository: 'microsoft/dotnet',
    tag: /sdk/,
    source:
      'https://hub.docker.com/r/microsoft/dotnet (retired repository; its `*-sdk-*` tags were the SDK)',
  },
  {
    repository: 'crystallang/crystal',
    source:
      'https://hub.docker.com/r/crystallang/crystal (the Crystal compiler, Alpine-based `-alpine` tags)',
  },
  {
    repository: 'tinygo/tinygo',
    source: 'https://hub.docker.com/r/tinygo/tinygo (the TinyGo compiler)',
  },
];

/** The build image an image reference names, if it is one. */
export function buildImageOf(
  repository: string,
  tag: string | undefined,
): BuildImage | undefined {
  return BUILD_IMAGES.find(
    image =>
      image.repository === repository &&
      (!image.tag || image.tag.test(tag ?? '')),
  );
}
