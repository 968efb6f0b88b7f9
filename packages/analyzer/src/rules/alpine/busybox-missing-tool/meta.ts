import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'busybox-missing-tool',
  title: 'Tool not present on Alpine used without installing it',
  category: 'alpine',
  severity: 'error',
  remediation:
    'Install the package first (`apk add --no-cache bash`, `shadow` for useradd, `sudo`, `curl`, `git`), or use the BusyBox equivalent: `addgroup -S app && adduser -S -G app app`, `wget -qO-`, POSIX `sh`. musl has no locale database: drop `locale-gen` and use `C.UTF-8`.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/326',
    'https://github.com/docker-library/golang/issues/86',
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
  ],
  aliases: [],
  fixable: false,
  messages: {
    installIt:
      "`{{tool}}` is not part of Alpine's BusyBox base: install it first (apk add --no-cache {{package}})",
    installItAdvice:
      "`{{tool}}` is not part of Alpine's BusyBox base: install it first (apk add --no-cache {{package}}), {{advice}}",
    noPackage:
      "`{{tool}}` is not part of Alpine's BusyBox base: no Alpine package provides it",
    noPackageAdvice:
      "`{{tool}}` is not part of Alpine's BusyBox base: no Alpine package provides it, {{advice}}",
  },
  scope: 'alpine',
};
