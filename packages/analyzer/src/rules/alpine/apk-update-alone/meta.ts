import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-update-alone',
  title: 'apk update in a layer without apk add',
  category: 'alpine',
  severity: 'warning',
  remediation:
    'Drop the separate `apk update` and use `apk add --no-cache …`, which fetches a fresh index and keeps none of it.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#disabling-cache',
  ],
  aliases: ['trivy:DS-0017', 'checkov:CKV_DOCKER_5'],
  fixable: true,
  messages: {
    updateAlone:
      '`apk update` alone in a layer caches a package index that later `apk add` layers reuse',
  },
  scope: 'alpine',
};
