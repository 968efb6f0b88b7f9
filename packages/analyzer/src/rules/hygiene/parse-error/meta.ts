import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'parse-error',
  title: 'Dockerfile cannot be parsed',
  category: 'hygiene',
  severity: 'error',
  rationale:
    'Docker refuses to build a Dockerfile without a FROM, with an unknown instruction (often a line that lost its `\\` continuation) or with a heredoc that is never closed. Other findings on such a file are partial.',
  remediation:
    'Fix the syntax error at the reported line; `docker build --check` shows the same problem.',
  references: ['https://docs.docker.com/reference/dockerfile/'],
  aliases: ['hadolint:DL1000'],
  fixable: false,
  scope: 'any',
};
