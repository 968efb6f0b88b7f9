import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-virtual-not-removed',
  title: 'Virtual package group not deleted in the same RUN',
  category: 'alpine',
  severity: 'warning',
  remediation:
    'Add, build and `apk del NAME` in the same RUN (`apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps`), or move the build to a builder stage.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#virtual-packages',
  ],
  aliases: [],
  fixable: true,
  messages: {
    deletedLater:
      'virtual group {{group}} is deleted only in a later RUN (line {{line}}): its packages stay in this layer',
    buildGroupKept:
      'virtual group {{group}} is never deleted: its build packages ship in the image',
    groupKept:
      'virtual group {{group}} is never deleted: its packages ship in the image (if they are meant to, say so in the name, e.g. `.app-rundeps`)',
  },
  scope: 'alpine',
};
