import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'tz-without-tzdata',
  title: 'Time zone set without tzdata',
  category: 'alpine',
  severity: 'warning',
  rationale:
    'Alpine ships no zoneinfo files. `ENV TZ=Europe/Paris` (or a link to `/usr/share/zoneinfo/…`) without the `tzdata` package silently leaves the container on UTC: logs, schedules and date arithmetic are off by hours.',
  remediation:
    'Install the zone database: `apk add --no-cache tzdata`, or keep the container on UTC.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/113',
    'https://wiki.alpinelinux.org/wiki/Setting_the_timezone',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
