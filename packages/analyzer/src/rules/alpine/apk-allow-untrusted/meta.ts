import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-allow-untrusted',
  title: 'apk add --allow-untrusted',
  category: 'alpine',
  severity: 'warning',
  rationale:
    '`--allow-untrusted` installs packages whose signature apk cannot verify: anything that can tamper with the download or the file ends up running as root in the image. It is also the usual sign of side-loaded glibc packages (`glibc-*.apk`), which the musl rules cover.',
  remediation:
    'Install signed packages from the Alpine repositories, or add the publisher key to `/etc/apk/keys/` (verified by checksum) instead of disabling verification.',
  references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
  aliases: ['checkov:CKV2_DOCKER_7'],
  fixable: false,
  scope: 'alpine',
};
