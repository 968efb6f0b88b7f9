import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'dotnet-icu-missing',
  title: '.NET globalization invariant mode turned off without ICU on Alpine',
  category: 'musl',
  severity: 'error',
  remediation:
    'Install ICU in the runtime stage: `apk add --no-cache icu-libs` (plus `icu-data-full` on Alpine 3.16+ for cultures other than English), or keep invariant mode.',
  references: [
    'https://github.com/dotnet/core/issues/2186',
    'https://learn.microsoft.com/en-us/dotnet/core/runtime-config/globalization',
    'https://github.com/docker-library/postgres/issues/965',
  ],
  aliases: [],
  fixable: true,
  messages: {
    icuMissing:
      '{{variable}}={{value}} needs ICU, which Alpine does not ship: the app aborts at startup ("Couldn\'t find a valid ICU package"); install icu-libs',
  },
  scope: 'alpine',
};
