import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-update-alone',
  title: 'apk update in a layer without apk add',
  category: 'alpine',
  severity: 'warning',
  rationale:
    'A RUN that only runs `apk update` bakes the package index into its own layer, and that cached layer keeps serving an old index to the `apk add` of later RUNs, which then install stale versions or fail when the mirror has moved on.',
  remediation:
    'Drop the separate `apk update` and use `apk add --no-cache …`, which fetches a fresh index and keeps none of it.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#disabling-cache',
  ],
  aliases: ['trivy:DS-0017', 'checkov:CKV_DOCKER_5'],
  fixable: true,
  scope: 'alpine',
};
