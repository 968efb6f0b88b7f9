import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-eol',
  title: 'Alpine release past its end of life',
  category: 'alpine',
  severity: 'warning',
  remediation:
    'Move to the newest supported Alpine branch (each finding names it, computed from the release table at the analysis date): `alpine:X.Y`, or the same image with an `-alpineX.Y` suffix where the image publishes one.',
  references: ['https://alpinelinux.org/releases/'],
  aliases: [],
  fixable: true,
  messages: {
    endOfLife:
      'Alpine {{version}} ({{image}}) reached end of life on {{endOfLife}}, {{age}}: no more security fixes',
  },
  scope: 'alpine',
};
