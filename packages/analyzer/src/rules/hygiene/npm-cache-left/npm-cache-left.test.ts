import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM node:22-alpine\nRUN npm ci && npm cache clean --force\n',
    'FROM node:22-alpine\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    'FROM node:22-alpine\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
    'FROM node:22 AS build\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app /app\n',
    'FROM node:22-alpine\nRUN npm run build\n',
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
  ],
});
