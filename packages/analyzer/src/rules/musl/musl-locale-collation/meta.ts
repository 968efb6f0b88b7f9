import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'musl-locale-collation',
  title: 'Locale collation expected from musl',
  category: 'musl',
  severity: 'info',
  remediation:
    'Do collation in the application with ICU, or for PostgreSQL 15+ use the ICU provider (`POSTGRES_INITDB_ARGS="--locale-provider=icu --icu-locale=de-DE"`); otherwise use the Debian-based image.',
  references: [
    'https://github.com/docker-library/postgres/issues/327',
    'https://github.com/docker-library/docs/pull/2220',
    'https://github.com/docker-library/postgres/issues/660',
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
  ],
  aliases: [],
  fixable: false,
  messages: {
    postgresCollation:
      '{{name}}={{value}} on postgres Alpine: musl has no collation, so the cluster sorts text by byte, unlike the Debian image; use the ICU locale provider',
    noCollation:
      '{{name}}={{value}}: musl selects UTF-8 but has no collation for it; sorting stays byte order',
    initdbLocale:
      'initdb locale on Alpine uses musl, which has no collation: text sorts by byte; add --locale-provider=icu --icu-locale=… (PostgreSQL 15+)',
  },
  scope: 'alpine',
};
