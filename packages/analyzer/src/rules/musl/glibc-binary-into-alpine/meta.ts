import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-binary-into-alpine',
  title: 'glibc binary or library copied into an Alpine stage',
  category: 'musl',
  severity: 'error',
  rationale:
    'A dynamically linked executable built on Debian, Ubuntu or RHEL names `/lib64/ld-linux-x86-64.so.2` as its interpreter and needs `libc.so.6`. Alpine has neither: the file is there, yet running it fails with "exec: no such file or directory" or "not found". Shared libraries from a glibc stage fail the same way when loaded.',
  remediation:
    'Build the binary in a matching `*-alpine` stage, link it statically (`-static`, or a musl target), or run it on a glibc base (`debian:*-slim`, distroless).',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/219',
    'https://github.com/gin-gonic/gin/issues/1178',
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
