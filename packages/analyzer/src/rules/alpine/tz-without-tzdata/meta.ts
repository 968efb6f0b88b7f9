import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'tz-without-tzdata',
  title: 'Time zone set without tzdata',
  category: 'alpine',
  severity: 'warning',
  remediation:
    'Install the zone database: `apk add --no-cache tzdata`, or keep the container on UTC.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/113',
    'https://wiki.alpinelinux.org/wiki/Setting_the_timezone',
  ],
  aliases: [],
  fixable: false,
  messages: {
    tzNoEffect:
      'TZ={{value}} has no effect without the tzdata package: the container stays on UTC',
    zoneFileMissing: '{{path}} does not exist without the tzdata package',
  },
  scope: 'alpine',
};
