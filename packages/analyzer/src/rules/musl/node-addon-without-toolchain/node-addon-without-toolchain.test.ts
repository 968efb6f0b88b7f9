import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM node:22-alpine\nRUN npm install express\n',
    'FROM node:22-alpine\nRUN npm install bcrypt@5.1.1\n',
    'FROM node:22\nRUN npm install canvas\n',
    'FROM node:22-alpine\nRUN apk add --no-cache build-base python3 pkgconf pixman-dev cairo-dev pango-dev jpeg-dev giflib-dev\nRUN npm install canvas\n',
    'FROM node:22-alpine AS base\nRUN apk add --no-cache --virtual .gyp python3 make g++\nFROM base\nRUN npm rebuild bcrypt --build-from-source\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-alpine\nWORKDIR /app\nRUN npm install canvas\n',
      errors: [{ line: 3, messageContains: 'python3, make, g++, pkgconf' }],
    },
    {
      name: 'old bcrypt pinned with yarn; only the compiler missing',
      code: 'FROM node:22-alpine\nRUN apk add --no-cache python3 make\nRUN yarn add bcrypt@3.0.8\n',
      errors: [{ line: 3, messageContains: 'lacks g++' }],
    },
    {
      name: 'npm rebuild from source',
      code: 'FROM node:22-alpine\nRUN npm ci && npm rebuild bcrypt --build-from-source\n',
      errors: [{ line: 2, messageContains: '`bcrypt`' }],
    },
    {
      name: 'source builds forced through the environment',
      code: 'FROM node:22-alpine\nENV npm_config_build_from_source=true\nRUN npm ci\n',
      errors: [{ line: 3, messageContains: 'native addons' }],
    },
  ],
});
