import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'binary-content',
  title: 'File is binary or not UTF-8',
  category: 'hygiene',
  severity: 'error',
  rationale:
    'A Dockerfile is UTF-8 text. NUL bytes or invalid UTF-8 mean the file is binary, corrupted or in another encoding (for example UTF-16 saved by an editor); Docker would misread it.',
  remediation:
    'Save the Dockerfile as UTF-8 text, or exclude the binary file from the scan.',
  references: [],
  aliases: [],
  fixable: false,
  scope: 'any',
};
