import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'musl-locale-collation',
  title: 'Locale collation expected from musl',
  category: 'musl',
  severity: 'info',
  rationale:
    "musl implements no locale collation: `LANG`/`LC_ALL`/`LC_COLLATE` set to `de_DE.UTF-8` only select UTF-8, and `strcoll`, `sort` and ORDER BY compare bytes. A PostgreSQL cluster initialised on `postgres:*-alpine` with a libc locale sorts differently from the same database on Debian, and indexes built on one do not match the other's ordering.",
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
  scope: 'alpine',
};
