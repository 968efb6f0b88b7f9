import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'musl-resolver-options',
  title: 'glibc resolver options written for a musl image',
  category: 'musl',
  severity: 'warning',
  remediation:
    'Set DNS options where they take effect (Kubernetes `dnsConfig`, `docker run --dns-opt`) and only those musl supports; use fully qualified names with a trailing dot, or lower `ndots`, to avoid search-domain storms.',
  references: [
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
    'https://man7.org/linux/man-pages/man5/resolv.conf.5.html',
  ],
  aliases: [],
  fixable: false,
  messages: {
    glibcOnlyOption:
      'resolv.conf option `{{option}}` is glibc-only: musl ignores it (and the runtime replaces /etc/resolv.conf anyway); set supported options via Kubernetes dnsConfig or --dns-opt',
  },
  scope: 'alpine',
};
