import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'iconv-translit-on-musl',
  title: 'iconv transliteration expected from musl',
  category: 'musl',
  severity: 'warning',
  remediation:
    'Install `gnu-libiconv` and preload it (`ENV LD_PRELOAD=/usr/lib/preloadable_libiconv.so`), as the official `php:*-alpine` images build against it, or use a glibc base.',
  references: [
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
    'https://github.com/docker-library/php/issues/240',
    'https://github.com/docker-library/php/pull/1264',
  ],
  aliases: [],
  fixable: false,
  messages: {
    noTranslit:
      'musl\'s iconv has no {{suffix}}: the conversion fails or writes "*" here; install gnu-libiconv',
    phpIconv:
      '`{{package}}` uses musl\'s iconv: no //TRANSLIT, fewer charsets, "*" for unconvertible characters; add gnu-libiconv with LD_PRELOAD=/usr/lib/preloadable_libiconv.so',
  },
  scope: 'alpine',
};
