import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-package-manager-in-alpine',
  title: 'apt, dpkg, yum or rpm used in an Alpine stage',
  category: 'musl',
  severity: 'error',
  remediation:
    'Use `apk add --no-cache <package>`; names differ (search pkgs.alpinelinux.org: `build-essential` → `build-base`, `libpq-dev` → `postgresql-dev`). Use `apk --print-arch` instead of `dpkg --print-architecture`.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/38',
    'https://pkgs.alpinelinux.org/packages',
  ],
  aliases: [],
  fixable: false,
  messages: {
    unpacker:
      '`{{command}}` unpacks a package built for glibc distributions: its binaries do not run on Alpine (musl)',
    absent:
      '{{label}}: `{{command}}` does not exist on Alpine: install with `apk add --no-cache …` (package names differ)',
    installsGlibcPackage:
      '`{{command}}` installs a package built for glibc distributions: it does not work on Alpine (musl); use apk',
    dpkgMissing:
      '`dpkg` is not installed on Alpine: use `apk --print-arch` for the architecture',
    notInstalled: '`{{command}}` is not installed on Alpine',
  },
  scope: 'alpine',
};
