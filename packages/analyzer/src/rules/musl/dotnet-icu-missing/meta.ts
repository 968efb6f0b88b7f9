import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'dotnet-icu-missing',
  title: '.NET globalization invariant mode turned off without ICU on Alpine',
  category: 'musl',
  severity: 'error',
  rationale:
    'Alpine images have no ICU, so the .NET Alpine images run in globalization invariant mode (`DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true`). Turning it off without installing ICU makes the app abort at startup: "Couldn\'t find a valid ICU package installed on the system".',
  remediation:
    'Install ICU in the runtime stage: `apk add --no-cache icu-libs` (plus `icu-data-full` on Alpine 3.16+ for cultures other than English), or keep invariant mode.',
  references: [
    'https://github.com/dotnet/core/issues/2186',
    'https://learn.microsoft.com/en-us/dotnet/core/runtime-config/globalization',
    'https://github.com/docker-library/postgres/issues/965',
  ],
  aliases: [],
  fixable: true,
  scope: 'alpine',
};
