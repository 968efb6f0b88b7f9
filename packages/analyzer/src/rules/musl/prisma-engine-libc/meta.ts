import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'prisma-engine-libc',
  title: 'Prisma engine built for another libc, or OpenSSL missing on Alpine',
  category: 'musl',
  severity: 'error',
  rationale:
    '`prisma generate` downloads a query engine for the platform it runs on (`debian-openssl-3.0.x`, `linux-musl-openssl-3.0.x`…). A client generated in a glibc stage and copied into Alpine has no musl engine and fails with "Prisma Client could not locate the Query Engine for runtime linux-musl". On Alpine itself Prisma detects the OpenSSL version from the system; node:*-alpine images on Alpine 3.21 do not ship the `openssl` package and Prisma then picks the wrong engine or fails to load `libssl`.',
  remediation:
    'Run `prisma generate` in the runtime\'s libc (an Alpine builder), or add `binaryTargets = ["native", "linux-musl-openssl-3.0.x"]` (`linux-musl-arm64-openssl-3.0.x` on arm64) to the generator in `schema.prisma`; install `openssl` in Alpine stages that run Prisma.',
  references: [
    'https://github.com/nodejs/docker-node/issues/2175',
    'https://github.com/t3-oss/create-t3-app/issues/975',
    'https://www.prisma.io/docs/orm/reference/prisma-schema-reference#binarytargets-options',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
