import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-compat-shim',
  title:
    'glibc compatibility shim on Alpine (gcompat, libc6-compat, sgerrand glibc)',
  category: 'musl',
  severity: 'warning',
  rationale:
    "`gcompat` and `libc6-compat` provide a glibc loader name and a subset of glibc symbols on top of musl: binaries that use anything else fail at load or at run time, in production rather than in the build. Side-loaded glibc packages (sgerrand/alpine-pkg-glibc) put a second C library outside Alpine's repositories, installed with `--allow-untrusted` or a third-party key, with manual locale setup. Either way the image carries a glibc binary that Alpine does not support.",
  remediation:
    'Rebuild the binary for musl (or statically), install the Alpine package of the tool, or give this stage a glibc base (`debian:*-slim`, distroless) instead of emulating one.',
  references: [
    'https://github.com/rs--/gcompat',
    'https://github.com/jeanblanchard/alpine-pkg-glibc',
    'https://wiki.alpinelinux.org/wiki/Running_glibc_programs',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
