import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'npm-cache-left',
  title: 'npm or yarn cache left in the image',
  category: 'hygiene',
  severity: 'info',
  rationale:
    '`npm ci`/`npm install` and `yarn install` keep a copy of every downloaded package tarball in their cache (`~/.npm`, the yarn cache folder). In the image that ships, the cache is dead weight next to `node_modules`.',
  remediation:
    'Clean the cache in the same RUN (`npm ci && npm cache clean --force`, `yarn install && yarn cache clean`), use a BuildKit cache mount, or install in a builder stage and copy `node_modules`.',
  references: ['https://docs.npmjs.com/cli/commands/npm-cache'],
  aliases: ['hadolint:DL3060'],
  fixable: false,
  scope: 'any',
};
