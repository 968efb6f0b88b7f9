import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-package-manager-in-alpine',
  title: 'apt, dpkg, yum or rpm used in an Alpine stage',
  category: 'musl',
  severity: 'error',
  rationale:
    'Alpine\'s package manager is apk. `apt-get`, `yum`, `dnf` and `zypper` do not exist there, and `.deb`/`.rpm` packages contain glibc builds that would not run even if unpacked. The RUN fails with "not found", usually after the base image was switched to Alpine without updating the install lines.',
  remediation:
    'Use `apk add --no-cache <package>`; names differ (search pkgs.alpinelinux.org: `build-essential` → `build-base`, `libpq-dev` → `postgresql-dev`). Use `apk --print-arch` instead of `dpkg --print-architecture`.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/38',
    'https://pkgs.alpinelinux.org/packages',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
