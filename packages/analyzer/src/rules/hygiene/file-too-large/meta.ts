import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'file-too-large',
  title: 'File too large to analyse',
  category: 'hygiene',
  severity: 'error',
  remediation:
    'Point the analyzer at the Dockerfile itself, or exclude this file from the scan.',
  references: [],
  aliases: [],
  fixable: false,
  messages: {
    tooLarge: 'the file is {{megabytes}} MB; files over 1 MB are not analysed',
  },
  scope: 'any',
};
