import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM node:22-alpine\nRUN apk add --no-cache openssl\nRUN npx prisma generate\n',
    'FROM node:22-alpine AS base\nRUN apk add --no-cache openssl\nFROM base\nCMD ["sh", "-c", "npx prisma migrate deploy && node server.js"]\n',
    'FROM node:22\nRUN npx prisma generate\n',
    'FROM node:22-alpine AS build\nRUN apk add --no-cache openssl && npx prisma generate\nFROM node:22-alpine\nCOPY --from=build /app/node_modules/.prisma /app/node_modules/.prisma\n',
    'FROM node:22-alpine\nRUN npm ci\n',
  ],
  invalid: [
    {
      name: 'generated client copied from a glibc stage',
      code: 'FROM node:22 AS build\nWORKDIR /app\nRUN npm ci && npx prisma generate\nFROM node:22-alpine\nCOPY --from=build /app/node_modules/.prisma ./node_modules/.prisma\n',
      errors: [{ line: 5, severity: 'error', messageContains: 'linux-musl' }],
    },
    {
      name: 'prisma without openssl, reported once per stage; current Alpine breaks',
      code: 'FROM node:22-alpine\nRUN npx prisma generate\nRUN pnpm exec prisma migrate deploy\n',
      errors: [{ line: 2, severity: 'error', messageContains: 'openssl' }],
    },
    {
      name: 'migration in the shell-form CMD',
      code: 'FROM node:22-alpine3.22\nCMD npx prisma migrate deploy && node server.js\n',
      errors: [{ line: 2, severity: 'error' }],
    },
    {
      name: 'before Alpine 3.21 it breaks only in some setups',
      code: 'FROM node:20-alpine3.20\nRUN npx prisma generate\n',
      errors: [{ line: 2, severity: 'warning' }],
    },
  ],
});
