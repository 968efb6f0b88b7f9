import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-unpinned',
  title: 'apk packages float with an unpinned Alpine release',
  category: 'alpine',
  severity: 'info',
  remediation:
    'Pin the Alpine release in the tag instead (`alpine:3.22`, `node:22-alpine3.22`): package versions then only move within that release, by security updates.',
  references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
  aliases: ['hadolint:DL3018'],
  fixable: false,
  messages: {
    unpinnedOne:
      '{{packages}} follows whatever Alpine release {{image}} resolves to: pin the Alpine release in the tag, or the image by digest (not exact package versions, which Alpine removes)',
    unpinnedMany:
      '{{packages}} follow whatever Alpine release {{image}} resolves to: pin the Alpine release in the tag, or the image by digest (not exact package versions, which Alpine removes)',
  },
  scope: 'alpine',
};
