import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const NODE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';
const entries = ['node_modules/', '.env', 'src/', 'package.json'];

testRule(rule, {
  valid: [
    { name: 'no context: nothing known', code: NODE },
    {
      name: 'example env files are committed to be read',
      code: NODE,
      context: {
        entries: ['.env.example', '.env.sample', '.env.template', 'src/'],
        files: [],
      },
    },
    {
      name: '.dockerignore excludes them',
      code: NODE,
      context: {
        entries,
        files: [{ path: '.dockerignore', content: 'node_modules\n.env*\n' }],
      },
    },
    {
      name: 'Dockerfile.dockerignore wins over .dockerignore',
      code: NODE,
      context: {
        entries,
        files: [
          { path: '.dockerignore', content: '' },
          { path: 'Dockerfile.dockerignore', content: 'node_modules/\n.env\n' },
        ],
      },
    },
    {
      name: 'only named sources are copied',
      code: 'FROM node:22-alpine\nCOPY package.json package-lock.json ./\nCOPY src ./src\n',
      context: { entries, files: [] },
    },
    {
      name: 'a copy from another stage is not the context',
      code: 'FROM node:22 AS build\nFROM node:22-alpine\nCOPY --from=build . .\n',
      context: { entries, files: [] },
    },
  ],
  invalid: [
    {
      name: 'no .dockerignore: host node_modules into Alpine, and a secret',
      code: NODE,
      context: { entries, files: [] },
      errors: [
        {
          line: 3,
          severity: 'error',
          messageContains: "host's `node_modules`",
          evidence: {
            source: 'build context',
            verdict: 'confirmed',
            detail: 'holds node_modules and no .dockerignore',
          },
        },
        {
          line: 3,
          severity: 'warning',
          messageContains: '`.env` into an image layer',
        },
      ],
    },
    {
      name: 'a ! exception brings .env back',
      code: NODE,
      context: {
        entries,
        files: [
          { path: '.dockerignore', content: 'node_modules\n.env*\n!.env\n' },
        ],
      },
      errors: [
        {
          line: 3,
          messageContains: '.dockerignore does not exclude it',
          evidence: {
            source: '.dockerignore',
            verdict: 'confirmed',
            detail: 'does not exclude .env',
          },
        },
      ],
    },
    {
      name: 'a project .npmrc is mostly settings: an info to check it holds no token',
      code: NODE,
      context: { entries: ['.npmrc', '.env.production'], files: [] },
      errors: [
        {
          line: 3,
          severity: 'info',
          messageContains: 'if it holds a registry token',
        },
        {
          line: 3,
          severity: 'warning',
          messageContains: '`.env.production` into an image layer',
        },
      ],
    },
    {
      name: 'a virtualenv and vendor/bundle into a glibc image are warnings',
      code: 'FROM python:3.12-slim\nADD . /app\n',
      context: { entries: ['.venv/', 'vendor/bundle/', '.git/'], files: [] },
      errors: [
        { line: 2, severity: 'warning', messageContains: 'virtualenv' },
        { line: 2, severity: 'warning', messageContains: 'gems' },
        { line: 2, severity: 'warning', messageContains: 'build output' },
      ],
    },
  ],
});
