import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const lock = (packages: Record<string, object>) => ({
  files: [
    {
      path: 'package-lock.json',
      content: JSON.stringify({
        lockfileVersion: 3,
        packages: { '': {}, ...packages },
      }),
    },
  ],
});
const GLIBC_ONLY = lock({
  'node_modules/sharp': { version: '0.33.5', hasInstallScript: true },
  'node_modules/@img/sharp-linux-x64': { version: '0.33.5', libc: ['glibc'] },
});
const BOTH = lock({
  'node_modules/sharp': { version: '0.33.5' },
  'node_modules/@img/sharp-linux-x64': { version: '0.33.5', libc: ['glibc'] },
  'node_modules/@img/sharp-linuxmusl-x64': {
    version: '0.33.5',
    libc: ['musl'],
  },
});
const BOTH_AND_32BIT_ARM = lock({
  'node_modules/sharp': { version: '0.34.5' },
  'node_modules/@img/sharp-linux-x64': { version: '0.34.5', libc: ['glibc'] },
  'node_modules/@img/sharp-linuxmusl-x64': {
    version: '0.34.5',
    libc: ['musl'],
  },
  'node_modules/@img/sharp-linux-arm': { version: '0.34.5', libc: ['glibc'] },
  'node_modules/@img/sharp-libvips-linux-arm': {
    version: '1.2.4',
    libc: ['glibc'],
  },
});
const CI =
  'FROM node:22-alpine\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n';

testRule(rule, {
  valid: [
    { name: 'no context', code: CI },
    {
      name: 'refuted: the lockfile holds the musl build',
      code: CI,
      context: BOTH,
    },
    {
      name: 'sharp publishes no musl build for 32-bit ARM: none can be missing',
      code: CI,
      context: BOTH_AND_32BIT_ARM,
    },
    {
      name: 'a glibc image installs the glibc build',
      code: 'FROM node:22-slim\nRUN npm ci\n',
      context: GLIBC_ONLY,
    },
    {
      name: 'a named install resolves anew',
      code: 'FROM node:22-alpine\nRUN npm install sharp\n',
      context: GLIBC_ONLY,
    },
  ],
  invalid: [
    {
      name: 'confirmed by package-lock.json',
      code: CI,
      context: GLIBC_ONLY,
      errors: [
        {
          line: 3,
          severity: 'error',
          messageContains:
            'confirmed by package-lock.json: it locks `@img/sharp-linux-x64` but not `@img/sharp-linuxmusl-x64`',
          evidence: {
            source: 'package-lock.json',
            verdict: 'confirmed',
            detail:
              'locks @img/sharp-linux-x64 but not @img/sharp-linuxmusl-x64',
          },
        },
      ],
    },
    {
      name: 'yarn v1 lockfile with @swc/core for glibc only',
      code: 'FROM node:22-alpine\nRUN yarn install --frozen-lockfile\n',
      context: {
        files: [
          {
            path: 'yarn.lock',
            content:
              '# yarn lockfile v1\n\n\n"@swc/core-linux-x64-gnu@1.7.26":\n  version "1.7.26"\n\n"@swc/core@^1.7.26":\n  version "1.7.26"\n',
          },
        ],
      },
      errors: [{ line: 2, messageContains: '`@swc/core-linux-x64-musl`' }],
    },
  ],
});
