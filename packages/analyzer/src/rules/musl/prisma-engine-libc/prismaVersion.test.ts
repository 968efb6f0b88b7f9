import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

/** A build context whose package-lock.json locks `prisma` at `version`. */
const lockedPrisma = (version: string) => ({
  files: [
    {
      path: 'package-lock.json',
      content: JSON.stringify({
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app', devDependencies: { prisma: `^${version}` } },
          'node_modules/prisma': { version, hasInstallScript: true },
        },
      }),
    },
  ],
});

const MIGRATE_ON_START =
  'FROM node:22-alpine3.22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npx", "prisma", "migrate", "deploy"]\n';

// Prisma 6.1.0 and later find Alpine's libssl3 in /usr/lib without the openssl package.
testRule(rule, {
  valid: [
    {
      name: 'the version from an ARG default, given to the install',
      code: 'FROM node:22-alpine\nARG PRISMA_VERSION="7.3.0"\nRUN pnpm add prisma@${PRISMA_VERSION} @prisma/client@${PRISMA_VERSION}\nCMD ["pnpm", "exec", "prisma", "migrate", "deploy"]\n',
    },
    {
      name: 'the version given to npx',
      code: 'FROM node:22-alpine\nCMD ["npx", "prisma@6.1.0", "migrate", "deploy"]\n',
    },
    {
      name: 'the version in a shell-form CMD',
      code: 'FROM node:22-alpine\nCMD npx prisma@6.5.0 migrate deploy && node server.js\n',
    },
    {
      name: 'a caret range whose lowest version finds it',
      code: 'FROM node:22-alpine\nRUN npm install -g prisma@^6.2 && prisma generate\n',
    },
    {
      name: 'installed in the stage built FROM',
      code: 'FROM node:22-alpine AS base\nRUN npm i -g prisma@6.16.2\nFROM base\nCMD prisma migrate deploy && node server.js\n',
    },
    {
      name: 'the version the lockfile holds',
      code: MIGRATE_ON_START,
      context: lockedPrisma('6.19.0'),
    },
  ],
  invalid: [
    {
      name: 'an older Prisma looks only in /lib',
      code: 'FROM node:22-alpine\nRUN npm i -g prisma@5.22.0 && prisma generate\n',
      errors: [{ line: 2, severity: 'error', messageContains: 'openssl' }],
    },
    {
      name: 'an older version given to npx in the CMD',
      code: 'FROM node:22-alpine\nCMD ["npx", "prisma@5.22.0", "migrate", "deploy"]\n',
      errors: [{ line: 2, severity: 'error' }],
    },
    {
      name: 'the lowest version named decides',
      code: 'FROM node:22-alpine\nRUN npm i prisma@6.5.0 @prisma/client@5.22.0 && npx prisma generate\n',
      errors: [{ line: 2, severity: 'error' }],
    },
    {
      name: 'an ARG without a default tells nothing',
      code: 'FROM node:22-alpine\nARG PRISMA_VERSION\nRUN npm i -g prisma@${PRISMA_VERSION} && prisma generate\n',
      errors: [{ line: 3, severity: 'error' }],
    },
    {
      name: 'a range without a lower bound tells nothing',
      code: 'FROM node:22-alpine\nRUN npx prisma@latest generate\n',
      errors: [{ line: 2, severity: 'error' }],
    },
    {
      name: 'an older version in the lockfile',
      code: MIGRATE_ON_START,
      context: lockedPrisma('5.22.0'),
      errors: [{ line: 5, severity: 'error' }],
    },
    {
      name: 'no version anywhere',
      code: MIGRATE_ON_START,
      errors: [{ line: 5, severity: 'error' }],
    },
  ],
});
