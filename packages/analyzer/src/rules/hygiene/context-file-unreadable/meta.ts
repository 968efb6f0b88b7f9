import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'context-file-unreadable',
  title: 'Build-context file could not be read',
  category: 'hygiene',
  severity: 'info',
  remediation:
    'Fix or regenerate the file (a lockfile with merge conflicts, a truncated download), or keep huge generated files out of the build context; the findings are computed without its facts meanwhile.',
  references: [],
  aliases: [],
  fixable: false,
  messages: {
    unreadable:
      '`{{path}}` of the build context was not used: {{detail}}; findings it could confirm or refute are guesses from the Dockerfile alone',
  },
  scope: 'any',
};
