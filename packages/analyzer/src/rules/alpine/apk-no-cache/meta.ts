import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-no-cache',
  title: 'apk keeps the package index in the layer',
  category: 'alpine',
  severity: 'warning',
  remediation:
    'Use `apk add --no-cache …` (and `apk upgrade --no-cache`). Equivalent and also accepted: `apk add --update-cache … && rm -rf /var/cache/apk/*` in the same RUN, or a BuildKit cache mount on `/var/cache/apk`.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#disabling-cache',
    'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper',
  ],
  aliases: ['hadolint:DL3019', 'trivy:DS-0025'],
  fixable: true,
  messages: {
    addsAfterUpdate:
      '{{adds}} without `--no-cache` after `apk update`: the package index stays in this layer',
    addsAfterUpdateInBuilder:
      '{{adds}} without `--no-cache` after `apk update`: the package index stays in this layer of this builder stage (the image does not ship it)',
    updateIndex:
      '`apk update` stores the package index in /var/cache/apk, and it stays in this layer although `apk add --no-cache` needs none (it fetches its own)',
    updateIndexInBuilder:
      '`apk update` stores the package index in /var/cache/apk, and it stays in this layer of this builder stage (the image does not ship it) although `apk add --no-cache` needs none (it fetches its own)',
    noCache:
      '{{adds}} without `--no-cache` leaves the package index in the layer',
    noCacheInBuilder:
      '{{adds}} without `--no-cache` leaves the package index in the layer of this builder stage (the image does not ship it)',
  },
  scope: 'alpine',
};
