import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'ARG NODE_VERSION\nFROM node:${NODE_VERSION}-alpine3.22 AS deps\nWORKDIR /app\nRUN npm ci\nFROM node:22-alpine3.22\nCOPY --from=deps /app/node_modules ./node_modules\n',
    'ARG NODE_VERSION\nFROM node:${NODE_VERSION} AS deps\nWORKDIR /app\nRUN npm ci\nFROM node:22-alpine3.22\nCOPY --from=deps /app/node_modules ./node_modules\n',
    'FROM node:22-alpine AS deps\nWORKDIR /app\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=deps /app/node_modules ./node_modules\n',
    'FROM node:22 AS deps\nWORKDIR /app\nRUN npm ci\nFROM node:22-slim\nCOPY --from=deps /app/node_modules ./node_modules\n',
    'FROM node:22 AS build\nWORKDIR /app\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    'FROM node:22 AS build\nWORKDIR /app\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app/node_modules/.prisma /app/node_modules/.prisma\n',
    'FROM alpine:3.22\nCOPY --from=debian:12 /etc/ssl/certs /etc/ssl/certs\n',
    'FROM node:22-bookworm AS deps\nWORKDIR /app\nRUN npm ci --omit=dev && npm install --omit=dev --os=linux --libc=musl --cpu=x64 sharp@0.34.2\nFROM node:22-alpine3.22\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\n',
  ],
  invalid: [
    {
      code: 'FROM node:22 AS deps\nWORKDIR /app\nRUN npm ci --omit=dev\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\n',
      errors: [
        {
          line: 6,
          severity: 'warning',
          messageContains: 'from glibc into musl',
        },
      ],
    },
    {
      name: 'the whole app directory holds node_modules; sharp installed by name',
      code: 'FROM node:22 AS build\nWORKDIR /srv/app\nRUN npm install sharp && npm run build\nFROM node:22-alpine3.22\nCOPY --from=build /srv/app /srv/app\n',
      errors: [{ line: 5, severity: 'error', messageContains: 'sharp' }],
    },
    {
      name: 'musl node_modules copied into a glibc runtime',
      code: 'FROM node:22-alpine AS deps\nWORKDIR /app\nRUN yarn install --frozen-lockfile\nFROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=deps /app /app\n',
      errors: [
        {
          line: 5,
          severity: 'warning',
          messageContains: 'from musl (Alpine) into glibc',
        },
      ],
    },
    {
      name: 'node-gyp toolchain in the source stage escalates',
      code: 'FROM node:22-alpine3.22 AS deps\nRUN apk add --no-cache python3 make g++\nWORKDIR /app\nRUN npm ci --omit=dev\nFROM node:22-slim\nCOPY --from=deps /app/node_modules ./node_modules\n',
      errors: [{ line: 6, severity: 'error', messageContains: 'node-gyp' }],
    },
    {
      name: 'Prisma generate in the glibc stage escalates',
      code: 'FROM node:22 AS build\nWORKDIR /app\nRUN npm ci && npx prisma generate\nFROM node:22-alpine\nCOPY --from=build /app/node_modules /app/node_modules\n',
      errors: [
        { line: 5, severity: 'error', messageContains: 'Prisma engines' },
      ],
    },
  ],
});
