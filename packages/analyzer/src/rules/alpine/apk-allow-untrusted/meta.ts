import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'apk-allow-untrusted',
  title: 'apk add --allow-untrusted',
  category: 'alpine',
  severity: 'warning',
  remediation:
    'Install signed packages from the Alpine repositories, or add the publisher key to `/etc/apk/keys/` (verified by checksum) instead of disabling verification.',
  references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
  aliases: ['checkov:CKV2_DOCKER_7'],
  fixable: false,
  messages: {
    allowUntrusted:
      '`--allow-untrusted` installs packages without checking their signature',
  },
  scope: 'alpine',
};
