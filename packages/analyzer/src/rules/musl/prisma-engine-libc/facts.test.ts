import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const CROSS = [
  'FROM node:22-bookworm AS build',
  'WORKDIR /app',
  'RUN npm ci && npx prisma generate',
  'FROM node:22-alpine3.22',
  'RUN apk add --no-cache openssl',
  'WORKDIR /app',
  'COPY --from=build /app/node_modules/.prisma ./node_modules/.prisma',
  '',
].join('\n');
const schema = (targets: string) => ({
  files: [
    {
      path: 'prisma/schema.prisma',
      content: `generator client {\n  provider = "prisma-client-js"\n  // binaryTargets = ["linux-musl"]\n  ${targets}\n}\n\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n`,
    },
  ],
});

testRule(rule, {
  valid: [
    {
      name: 'an Alpine builder needs no musl target',
      code: 'FROM node:22-alpine3.22 AS build\nRUN apk add --no-cache openssl && npx prisma generate\nFROM node:22-alpine3.22\nCOPY --from=build /app/node_modules/.prisma ./node_modules/.prisma\n',
      context: schema('binaryTargets = ["native"]'),
    },
  ],
  invalid: [
    {
      name: 'confirmed by schema.prisma: no musl target',
      code: CROSS,
      context: schema('binaryTargets = ["native", "debian-openssl-3.0.x"]'),
      errors: [
        {
          line: 7,
          severity: 'error',
          messageContains:
            'confirmed by prisma/schema.prisma: binaryTargets lists native, debian-openssl-3.0.x, no linux-musl target',
          evidence: {
            source: 'prisma/schema.prisma',
            verdict: 'confirmed',
          },
        },
      ],
    },
    {
      name: 'a generator without binaryTargets is native only',
      code: CROSS,
      context: schema(''),
      errors: [
        {
          line: 7,
          messageContains: 'binaryTargets lists native, no linux-musl',
        },
      ],
    },
    {
      name: 'refuted by schema.prisma: the musl engine is generated too',
      code: CROSS,
      context: schema('binaryTargets = ["native", "linux-musl-openssl-3.0.x"]'),
      errors: [
        {
          line: 7,
          severity: 'info',
          messageContains: 'lists linux-musl-openssl-3.0.x in binaryTargets',
          evidence: {
            source: 'prisma/schema.prisma',
            verdict: 'refuted',
            detail: 'binaryTargets lists linux-musl-openssl-3.0.x',
          },
        },
      ],
    },
  ],
});
