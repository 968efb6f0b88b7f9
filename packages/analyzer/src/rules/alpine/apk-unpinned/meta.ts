import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-unpinned',
  title: 'apk packages float with an unpinned Alpine release',
  category: 'alpine',
  severity: 'info',
  rationale:
    'Package versions of `apk add` follow the Alpine release of the base image. When the tag does not name a release (`alpine`, `alpine:latest`, `node:22-alpine`), a rebuild can jump to the next release and change every package at once. Pinning exact package versions (`curl=8.5.0-r0`) is not the cure: Alpine removes old versions from its repositories, and exact pins then break the build.',
  remediation:
    'Pin the Alpine release in the tag instead (`alpine:3.22`, `node:22-alpine3.22`): package versions then only move within that release, by security updates.',
  references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
  aliases: ['hadolint:DL3018'],
  fixable: false,
  scope: 'alpine',
};
