import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'file-too-large',
  title: 'File too large to analyse',
  category: 'hygiene',
  severity: 'error',
  rationale:
    'Real Dockerfiles are a few kilobytes. A file over 1 MB is almost certainly not a Dockerfile (a log, a bundle, generated data), and analysing it would cost time and memory for nothing, so the analyzer stops there.',
  remediation:
    'Point the analyzer at the Dockerfile itself, or exclude this file from the scan.',
  references: [],
  aliases: [],
  fixable: false,
  scope: 'any',
};
