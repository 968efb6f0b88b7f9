/*
 * .NET runtime identifiers: a glibc RID names the apphost, the runtime
 * packs and native assets of a publish; Alpine needs the `linux-musl-*`
 * ones. https://learn.microsoft.com/en-us/dotnet/core/rid-catalog
 */

const MUSL_RID_FOR_ARCH: Record<string, string> = {
  x64: 'linux-musl-x64',
  arm64: 'linux-musl-arm64',
  arm: 'linux-musl-arm',
  x86: 'linux-musl-x86',
};

/**
 * The musl RID to use instead of a glibc one: `linux-x64` →
 * `linux-musl-x64`; the distro-specific RIDs of older SDKs
 * (`ubuntu.22.04-x64`, `debian.12-arm64`, `rhel.8-x64`) too.
 */
export function muslRuntimeIdentifierFor(rid: string): string | undefined {
  const match =
    /^(linux|ubuntu[\d.]*|debian[\d.]*|rhel[\d.]*|centos[\d.]*|fedora[\d.]*|ol[\d.]*|sles[\d.]*|opensuse[\d.]*)-(x64|arm64|arm|x86)$/i.exec(
      rid,
    );
  return match ? MUSL_RID_FOR_ARCH[match[2].toLowerCase()] : undefined;
}
