import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-no-cache',
  title: 'apk add keeps the package cache in the layer',
  category: 'alpine',
  severity: 'warning',
  rationale:
    'Without `--no-cache`, `apk add` leaves the downloaded package index (and with a cache configured, the packages) under `/var/cache/apk` in the image layer. A container is rebuilt, never updated, so that cache is dead weight in every pull.',
  remediation:
    'Use `apk add --no-cache …`. Equivalent and also accepted: `apk add --update-cache … && rm -rf /var/cache/apk/*` in the same RUN, or a BuildKit cache mount on `/var/cache/apk`.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#disabling-cache',
    'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper',
  ],
  aliases: ['hadolint:DL3019', 'trivy:DS-0025'],
  fixable: true,
  scope: 'alpine',
};
