import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'dotnet-glibc-rid-for-alpine',
  title: '.NET published for a glibc runtime identifier, run on Alpine',
  category: 'musl',
  severity: 'error',
  remediation:
    'Publish with `-r linux-musl-x64` (`linux-musl-arm64` on arm64), or publish framework-dependent without a RID and run with `dotnet app.dll` on a `mcr.microsoft.com/dotnet/*:*-alpine` image.',
  references: [
    'https://learn.microsoft.com/en-us/dotnet/core/rid-catalog',
    'https://github.com/GoogleContainerTools/container-debug-support/pull/135',
  ],
  aliases: [],
  fixable: true,
  messages: {
    glibcRid:
      'runtime identifier `{{rid}}` targets glibc; this Alpine stage needs `{{musl}}`',
    glibcAppCopied:
      'the app published for `{{rid}}` (glibc) in stage `{{stage}}`, line {{line}}, is copied into this Alpine stage: publish for `{{musl}}`',
    archOnly:
      '`dotnet publish -a {{arch}}` in glibc stage `{{stage}}` targets linux-{{arch}} (glibc), copied into this Alpine stage: add `--os linux-musl`',
    glibcApphost:
      '`dotnet publish` in glibc stage `{{stage}}` writes a glibc apphost, and this Alpine stage starts `{{apphost}}` directly: it fails with "not found"; publish with `--os linux-musl` or start it with `dotnet app.dll`',
  },
  scope: 'alpine',
};
