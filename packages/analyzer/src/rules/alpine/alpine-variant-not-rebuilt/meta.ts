import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-variant-not-rebuilt',
  title:
    'Official image variant for an Alpine branch that is no longer rebuilt',
  category: 'alpine',
  severity: 'info',
  remediation:
    'Move the suffix to a branch the image still builds (the finding names them); the fix moves it to the newest supported branch.',
  references: [
    'https://github.com/nodejs/docker-node/blob/main/CONTRIBUTING.md#version-updates',
    'https://github.com/nodejs/docker-node/pull/2534',
    'https://github.com/docker-library/python/pull/1123',
  ],
  aliases: [],
  fixable: true,
  messages: {
    notRebuilt:
      '{{image}}: the {{officialImage}} image builds -alpine variants for the newest {{keeps}} Alpine branches only ({{branches}} as of knowledge {{knowledge}}), so this {{version}} variant is no longer rebuilt: no new {{officialImage}} releases or Alpine security rebuilds reach it',
  },
  scope: 'alpine',
};
