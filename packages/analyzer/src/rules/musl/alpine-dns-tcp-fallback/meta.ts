import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-dns-tcp-fallback',
  title: 'Alpine before 3.18: DNS without TCP fallback',
  category: 'musl',
  severity: 'warning',
  remediation:
    'Move the runtime image to Alpine 3.18 or newer (musl 1.2.4 added the TCP fallback).',
  references: [
    'https://biriukov.dev/docs/resolver-dual-stack-application/5-getaddrinfo-from-musl-libc',
    'https://christoph.luppri.ch/fixing-dns-resolution-for-ruby-on-alpine-linux',
    'https://bell-sw.com/blog/how-to-deal-with-alpine-dns-issues/',
    'https://musl.libc.org/releases.html',
  ],
  aliases: [],
  fixable: false,
  messages: {
    noTcpFallback:
      'Alpine {{version}} ships musl {{musl}}, whose resolver has no DNS-over-TCP fallback: answers over 512 bytes (e.g. Kubernetes services with many pods) fail to resolve; use Alpine 3.18+',
  },
  scope: 'alpine',
};
