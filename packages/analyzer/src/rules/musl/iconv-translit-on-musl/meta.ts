import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'iconv-translit-on-musl',
  title: 'iconv transliteration expected from musl',
  category: 'musl',
  severity: 'warning',
  rationale:
    "musl's iconv has no `//TRANSLIT` (nor `//IGNORE`), supports fewer charsets, and replaces characters it cannot convert with `*` instead of failing with EILSEQ. Scripts and PHP code relying on glibc iconv produce wrong output on Alpine. PHP's iconv extension from Alpine's packages uses musl iconv unless `gnu-libiconv` is preloaded.",
  remediation:
    'Install `gnu-libiconv` and preload it (`ENV LD_PRELOAD=/usr/lib/preloadable_libiconv.so`), as the official `php:*-alpine` images build against it, or use a glibc base.',
  references: [
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
    'https://github.com/docker-library/php/issues/240',
    'https://github.com/docker-library/php/pull/1264',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
