import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-upgrade',
  title: 'apk upgrade in the image build',
  category: 'alpine',
  severity: 'warning',
  rationale:
    '`apk upgrade` makes the image content depend on the day it was built rather than on the Dockerfile: two builds of the same commit differ, and the upgraded packages are duplicated in a layer on top of the base image. Security updates belong in a newer base image tag.',
  remediation:
    'Remove `apk upgrade`; pull a newer patch release of the base image (`alpine:3.22` is rebuilt with fixes; pin `alpine:3.22.x` or a digest and let a bot bump it).',
  references: ['https://pythonspeed.com/articles/security-updates-in-docker/'],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
