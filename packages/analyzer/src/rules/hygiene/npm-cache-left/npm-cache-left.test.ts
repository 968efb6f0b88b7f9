import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM node:22-alpine\nRUN npm ci && npm cache clean --force\n',
    'FROM node:22-alpine\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    'FROM node:22-alpine\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
    'FROM node:22 AS build\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app /app\n',
    'FROM node:22-alpine\nRUN npm run build\n',
    {
      name: 'a cache mount on the yarn cache of node images (root user)',
      code: 'FROM node:22-alpine\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n',
    },
    {
      name: 'a tmpfs mount on the yarn cache',
      code: 'FROM node:22-alpine\nRUN --mount=type=tmpfs,target=/home/node/.cache/yarn yarn install\n',
    },
    {
      name: 'a tmpfs mount on the npm cache',
      code: 'FROM node:22-alpine\nRUN --mount=type=tmpfs,target=/root/.npm npm ci --omit=dev\n',
    },
    {
      name: 'the cache folder removed after the install',
      code: 'FROM node:22-alpine\nRUN yarn install --production && rm -rf /usr/local/share/.cache/yarn\n',
    },
  ],
  invalid: [
    {
      code: 'FROM node:22-alpine\nRUN npm ci --omit=dev\n',
      errors: [{ line: 2, messageContains: 'npm cache clean' }],
    },
    {
      code: 'FROM node:22-alpine\nRUN yarn --production\n',
      errors: [{ line: 2, messageContains: 'yarn cache clean' }],
    },
    {
      name: 'a clean before the install empties nothing the install downloads',
      code: 'FROM node:22-alpine\nRUN yarn cache clean && yarn install --frozen-lockfile\n',
      errors: [{ line: 2, messageContains: 'yarn cache clean' }],
    },
    {
      name: 'npm cache cleaned before npm ci',
      code: 'FROM node:22-alpine\nRUN npm cache clean --force; npm ci\n',
      errors: [{ line: 2, messageContains: 'npm cache clean' }],
    },
    {
      name: 'a mount on the npm cache does not cover yarn',
      code: 'FROM node:22-alpine\nRUN --mount=type=cache,target=/root/.npm yarn install\n',
      errors: [{ line: 2, messageContains: 'yarn' }],
    },
    {
      name: 'a mount elsewhere does not count',
      code: 'FROM node:22-alpine\nRUN --mount=type=tmpfs,target=/var/lib/scratch yarn install\n',
      errors: [{ line: 2 }],
    },
  ],
});
