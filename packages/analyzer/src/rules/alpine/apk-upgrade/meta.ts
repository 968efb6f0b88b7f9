import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-upgrade',
  title: 'apk upgrade in the image build',
  category: 'alpine',
  severity: 'info',
  remediation:
    'Remove `apk upgrade`; pull a newer patch release of the base image (`alpine:3.22` is rebuilt with fixes; pin `alpine:3.22.x` or a digest and let a bot bump it).',
  references: ['https://pythonspeed.com/articles/security-updates-in-docker/'],
  aliases: [],
  fixable: false,
  messages: {
    upgrade:
      '`apk upgrade` makes the image depend on the build date: a newer base image tag brings the same fixes reproducibly',
  },
  scope: 'alpine',
};
