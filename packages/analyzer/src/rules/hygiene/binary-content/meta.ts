import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'binary-content',
  title: 'File is binary or not UTF-8',
  category: 'hygiene',
  severity: 'error',
  remediation:
    'Save the Dockerfile as UTF-8 text, or exclude the binary file from the scan.',
  references: [],
  aliases: [],
  fixable: false,
  messages: {
    notText: 'this does not look like a Dockerfile: {{detail}}',
  },
  scope: 'any',
};
