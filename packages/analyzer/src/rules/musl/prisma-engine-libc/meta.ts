import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'prisma-engine-libc',
  title: 'Prisma engine built for another libc, or OpenSSL missing on Alpine',
  category: 'musl',
  severity: 'error',
  remediation:
    'Run `prisma generate` in the runtime\'s libc (an Alpine builder), or add `binaryTargets = ["native", "linux-musl-openssl-3.0.x"]` (`linux-musl-arm64-openssl-3.0.x` on arm64) to the generator in `schema.prisma`; install `openssl` in Alpine stages that run Prisma.',
  references: [
    'https://github.com/nodejs/docker-node/issues/2175',
    'https://github.com/t3-oss/create-t3-app/issues/975',
    'https://github.com/prisma/prisma/pull/25824',
    'https://www.prisma.io/docs/orm/reference/prisma-schema-reference#binarytargets-options',
  ],
  aliases: [],
  fixable: false,
  messages: {
    opensslMissing:
      'Prisma runs in this Alpine stage without the `openssl` package: Prisma detects OpenSSL from the system and may pick the wrong engine or fail to load libssl (node:*-alpine on Alpine 3.21+); add `apk add --no-cache openssl`',
    glibcClientConfirmed:
      'Prisma client `{{client}}` generated in glibc {{source}}, confirmed by {{file}}: binaryTargets lists {{targets}}, no linux-musl target, so the client holds no engine that loads here; add "linux-musl-openssl-3.0.x" or generate it on Alpine',
    glibcClientRefuted:
      'Prisma client `{{client}}` generated in glibc {{source}}, but {{file}} lists {{musl}} in binaryTargets: the client carries the musl engine too (keep it there)',
    glibcClient:
      'Prisma client `{{client}}` generated in glibc {{source}}: it holds the engine for that platform, not linux-musl; generate it on Alpine or add "linux-musl-openssl-3.0.x" to binaryTargets',
  },
  scope: 'alpine',
};
