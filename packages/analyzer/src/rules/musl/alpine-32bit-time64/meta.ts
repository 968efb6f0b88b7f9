import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-32bit-time64',
  title: '32-bit Alpine 3.13+ needs a time64-aware container host',
  category: 'musl',
  severity: 'info',
  rationale:
    'Alpine 3.13 moved its 32-bit ports (x86, armhf, armv7) to musl 1.2 with 64-bit `time_t`. The new time64 system calls are refused with EPERM by the seccomp profiles of Docker before 19.03.9 and libseccomp before 2.4.2, so `sleep`, `date`, TLS and package managers fail on older hosts (old Raspberry Pi OS and Synology setups).',
  remediation:
    'Run on Docker 19.03.9+ with libseccomp 2.4.2+, or pin Alpine 3.12 for those hosts, or move the host to 64-bit.',
  references: [
    'https://wiki.alpinelinux.org/w/index.php?title=Release_Notes_for_Alpine_3.13.0&oldid=18593',
    'https://musl.libc.org/time64.html',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
