import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-dns-tcp-fallback',
  title: 'Alpine before 3.18: DNS without TCP fallback',
  category: 'musl',
  severity: 'warning',
  rationale:
    'musl before 1.2.4 (Alpine up to 3.17) never retried a truncated DNS answer over TCP. Answers larger than 512 bytes, such as a Kubernetes service with many A records or long CNAME chains, fail to resolve ("bad address", UnknownHostException) although every glibc image resolves them.',
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
  scope: 'alpine',
};
