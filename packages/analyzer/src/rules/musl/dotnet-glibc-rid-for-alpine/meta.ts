import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'dotnet-glibc-rid-for-alpine',
  title: '.NET published for a glibc runtime identifier, run on Alpine',
  category: 'musl',
  severity: 'error',
  rationale:
    '`dotnet publish -r linux-x64` (or `linux-arm64`, `--os linux`) produces an apphost, and for self-contained apps a runtime, built against glibc. On Alpine the app does not start ("no such file or directory", or the runtime fails to load). Alpine needs the `linux-musl-x64` / `linux-musl-arm64` runtime identifiers.',
  remediation:
    'Publish with `-r linux-musl-x64` (`linux-musl-arm64` on arm64), or publish framework-dependent without a RID and run with `dotnet app.dll` on a `mcr.microsoft.com/dotnet/*:*-alpine` image.',
  references: [
    'https://learn.microsoft.com/en-us/dotnet/core/rid-catalog',
    'https://github.com/GoogleContainerTools/container-debug-support/pull/135',
  ],
  aliases: [],
  fixable: true,
  scope: 'alpine',
};
