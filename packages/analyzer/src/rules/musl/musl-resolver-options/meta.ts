import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'musl-resolver-options',
  title: 'glibc resolver options written for a musl image',
  category: 'musl',
  severity: 'warning',
  rationale:
    "musl's resolver reads only `nameserver`, `search`/`domain` and the `ndots`, `timeout` and `attempts` options of resolv.conf. glibc options such as `single-request`, `single-request-reopen`, `rotate`, `use-vc` or `edns0` are ignored, and musl queries all nameservers in parallel. Workarounds for glibc DNS problems (the classic conntrack race fix `single-request-reopen`) therefore do nothing on Alpine; Docker and Kubernetes also replace /etc/resolv.conf at run time.",
  remediation:
    'Set DNS options where they take effect (Kubernetes `dnsConfig`, `docker run --dns-opt`) and only those musl supports; use fully qualified names with a trailing dot, or lower `ndots`, to avoid search-domain storms.',
  references: [
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
    'https://man7.org/linux/man-pages/man5/resolv.conf.5.html',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
