import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'parse-error',
  title: 'Dockerfile cannot be parsed',
  category: 'hygiene',
  severity: 'error',
  remediation:
    'Fix the syntax error at the reported line; `docker build --check` shows the same problem.',
  references: ['https://docs.docker.com/reference/dockerfile/'],
  aliases: ['hadolint:DL1000'],
  fixable: false,
  messages: {
    syntax: '{{problem}}',
    analyzerFailed:
      'the analyzer failed on this file ({{error}}); please report it',
  },
  scope: 'any',
};
