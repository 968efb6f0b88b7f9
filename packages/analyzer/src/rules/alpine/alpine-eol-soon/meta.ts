import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-eol-soon',
  title: 'Alpine release reaches its end of life within 90 days',
  category: 'alpine',
  severity: 'info',
  remediation:
    'Plan the move to the newest supported Alpine branch (each finding names it, computed from the release table at the analysis date).',
  references: ['https://alpinelinux.org/releases/'],
  aliases: [],
  fixable: true,
  messages: {
    endOfLifeSoon:
      'Alpine {{version}} ({{image}}) reaches end of life on {{endOfLife}}, {{when}}: plan the move to {{target}}',
    endOfLifeSoonNewest:
      'Alpine {{version}} ({{image}}) reaches end of life on {{endOfLife}}, {{when}}',
  },
  scope: 'alpine',
};
