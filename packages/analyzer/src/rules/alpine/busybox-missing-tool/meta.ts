import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'busybox-missing-tool',
  title: 'Tool not present on Alpine used without installing it',
  category: 'alpine',
  severity: 'error',
  rationale:
    'Alpine ships BusyBox, not GNU userland: there is no `bash`, no `useradd`/`groupadd` (BusyBox has `adduser`/`addgroup` with other flags), no `sudo`, no `curl`, no `git` and no `locale-gen` unless installed. The RUN fails with "not found", or the container fails at start when the entrypoint needs them.',
  remediation:
    'Install the package first (`apk add --no-cache bash`, `shadow` for useradd, `sudo`, `curl`, `git`), or use the BusyBox equivalent: `addgroup -S app && adduser -S -G app app`, `wget -qO-`, POSIX `sh`. musl has no locale database: drop `locale-gen` and use `C.UTF-8`.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/326',
    'https://github.com/docker-library/golang/issues/86',
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
