import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-32bit-time64',
  title: '32-bit Alpine 3.13+ needs a time64-aware container host',
  category: 'musl',
  severity: 'info',
  remediation:
    'Run on Docker 19.03.9+ with libseccomp 2.4.2+, or pin Alpine 3.12 for those hosts, or move the host to 64-bit.',
  references: [
    'https://wiki.alpinelinux.org/w/index.php?title=Release_Notes_for_Alpine_3.13.0&oldid=18593',
    'https://musl.libc.org/time64.html',
  ],
  aliases: [],
  fixable: false,
  messages: {
    time64:
      '32-bit Alpine {{release}} ({{platform}}) uses 64-bit time_t: hosts with Docker < 19.03.9 or libseccomp < 2.4.2 refuse its time64 system calls',
    time64NoRelease:
      '32-bit Alpine ({{platform}}) uses 64-bit time_t: hosts with Docker < 19.03.9 or libseccomp < 2.4.2 refuse its time64 system calls',
  },
  scope: 'alpine',
};
