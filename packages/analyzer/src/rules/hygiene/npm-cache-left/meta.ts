import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'npm-cache-left',
  title: 'npm or yarn cache left in the image',
  category: 'hygiene',
  severity: 'info',
  remediation:
    'Clean the cache in the same RUN (`npm ci && npm cache clean --force`, `yarn install && yarn cache clean`), use a BuildKit cache mount, or install in a builder stage and copy `node_modules`.',
  references: ['https://docs.npmjs.com/cli/commands/npm-cache'],
  aliases: ['hadolint:DL3060'],
  fixable: false,
  messages: {
    npmCache:
      '`npm {{command}}` leaves the npm cache in the image: add `&& npm cache clean --force` after it',
    yarnCache:
      '`yarn install` leaves the yarn cache in the image: add `&& yarn cache clean` after it',
  },
  scope: 'any',
};
