import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-virtual-not-removed',
  title: 'Virtual package group not deleted in the same RUN',
  category: 'alpine',
  severity: 'warning',
  rationale:
    '`apk add --virtual NAME …` groups build-time packages so that `apk del NAME` removes them together. That only makes the image smaller when the add, the build and the `apk del` happen in one RUN: deleted in a later RUN, the packages stay in the earlier layer; never deleted, they ship.',
  remediation:
    'Add, build and `apk del NAME` in the same RUN (`apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps`), or move the build to a builder stage.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#virtual-packages',
  ],
  aliases: [],
  fixable: true,
  scope: 'alpine',
};
