import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const CROSS =
  'FROM node:22 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app/node_modules /app/node_modules\n';
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

testRule(rule, {
  valid: [
    {
      name: 'the same libc on both sides, with a native lockfile',
      code: 'FROM node:22-alpine AS build\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app/node_modules /app/node_modules\n',
      context: lock({
        'node_modules/bcrypt': { version: '5.1.1', hasInstallScript: true },
      }),
    },
  ],
  invalid: [
    {
      name: 'without a context: a guess',
      code: CROSS,
      errors: [
        {
          line: 6,
          severity: 'warning',
          messageContains: 'run npm ci in a stage',
          evidence: 'none',
        },
      ],
    },
    {
      name: 'confirmed by the lockfile: an install script and a platform build',
      code: CROSS,
      context: lock({
        'node_modules/bcrypt': { version: '5.1.1', hasInstallScript: true },
        'node_modules/@img/sharp-linux-x64': {
          version: '0.33.5',
          libc: ['glibc'],
        },
        'node_modules/express': { version: '4.19.2' },
      }),
      errors: [
        {
          line: 6,
          severity: 'error',
          messageContains:
            'confirmed by package-lock.json: bcrypt (install script), @img/sharp-linux-x64 (platform build)',
          evidence: {
            source: 'package-lock.json',
            verdict: 'confirmed',
            detail:
              'locks native code: bcrypt (install script), @img/sharp-linux-x64 (platform build)',
          },
        },
      ],
    },
    {
      name: 'refuted by the lockfile: pure JavaScript',
      code: CROSS,
      context: lock({
        'node_modules/express': { version: '4.19.2' },
        'node_modules/zod': { version: '3.23.8' },
      }),
      errors: [
        {
          line: 6,
          severity: 'info',
          messageContains: 'package-lock.json locks no native addon',
          evidence: { source: 'package-lock.json', verdict: 'refuted' },
        },
      ],
    },
    {
      name: 'a yarn v1 lockfile records no install scripts: no refutation',
      code: 'FROM node:22 AS build\nWORKDIR /app\nRUN yarn install --frozen-lockfile\nFROM node:22-alpine\nCOPY --from=build /app/node_modules /app/node_modules\n',
      context: {
        files: [
          {
            path: 'yarn.lock',
            content: '# yarn lockfile v1\n\n\nzod@^3:\n  version "3.23.8"\n',
          },
        ],
      },
      errors: [
        {
          line: 5,
          severity: 'warning',
          messageContains: 'run npm ci in a stage',
        },
      ],
    },
  ],
});
