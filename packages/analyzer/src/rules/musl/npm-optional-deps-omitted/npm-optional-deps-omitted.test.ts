import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM node:22 AS build\nRUN npm ci --omit=optional\nFROM node:22-alpine\nCOPY --from=build /app/dist /app/dist\n',
    'FROM node:22-alpine\nRUN npm ci --omit=dev\n',
    'FROM node:22-alpine\nRUN npm install --os=linux --libc=musl --cpu=x64 sharp\n',
    'FROM node:22\nRUN npm ci --omit=optional\n',
    'FROM node:22-alpine\nRUN npm run build -- --no-optional\n',
    'FROM node:22-alpine\nENV NPM_CONFIG_OMIT=dev\n',
  ],
  invalid: [
    {
      name: 'pnpm in the Alpine builder of a multi-stage build',
      code: 'FROM node:22 AS docs\nRUN npm ci --omit=optional\nFROM node:22-alpine AS build\nRUN pnpm install --no-optional --frozen-lockfile\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      errors: [{ line: 4 }],
      output:
        'FROM node:22 AS docs\nRUN npm ci --omit=optional\nFROM node:22-alpine AS build\nRUN pnpm install --frozen-lockfile\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    },
    {
      code: 'FROM node:22-alpine\nRUN npm ci --omit=dev --omit=optional\n',
      errors: [{ line: 2, severity: 'warning', messageContains: 'musl' }],
      output: 'FROM node:22-alpine\nRUN npm ci --omit=dev\n',
    },
    {
      name: 'separate --omit optional, and yarn --ignore-optional',
      code: 'FROM node:22-alpine\nRUN npm install --omit optional && yarn install --ignore-optional --frozen-lockfile\n',
      errors: [{ line: 2 }, { line: 2 }],
      output:
        'FROM node:22-alpine\nRUN npm install && yarn install --frozen-lockfile\n',
    },
    {
      name: 'installing glibc platform packages',
      code: 'FROM node:22-alpine\nRUN npm install --os=linux --libc=glibc --cpu=x64 sharp\n',
      errors: [{ line: 2, severity: 'error', messageContains: 'glibc builds' }],
      output:
        'FROM node:22-alpine\nRUN npm install --os=linux --libc=musl --cpu=x64 sharp\n',
    },
    {
      name: 'npm configuration in ENV',
      code: 'FROM node:22-alpine\nENV NPM_CONFIG_OMIT=optional npm_config_libc=glibc\n',
      errors: [
        { line: 2, severity: 'warning' },
        { line: 2, severity: 'error' },
      ],
    },
  ],
});
