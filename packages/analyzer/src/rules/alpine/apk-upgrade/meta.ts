import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-upgrade',
  title: 'apk upgrade in the image build',
  category: 'alpine',
  severity: 'info',
  remediation:
    'Remove `apk upgrade`; take the fixes from the base image instead: Alpine republishes each supported branch (`alpine:3.N`) with them, so pin a patch release (`alpine:3.N.x`) or a digest and let a bot bump it.',
  references: ['https://pythonspeed.com/articles/security-updates-in-docker/'],
  aliases: [],
  fixable: false,
  messages: {
    upgrade:
      '`apk upgrade` makes the image depend on the build date: a newer base image tag brings the same fixes reproducibly',
  },
  scope: 'alpine',
};
