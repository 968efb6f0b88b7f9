import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-compat-shim',
  title:
    'glibc compatibility shim on Alpine (gcompat, libc6-compat, sgerrand glibc)',
  category: 'musl',
  severity: 'warning',
  remediation:
    'Rebuild the binary for musl (or statically), install the Alpine package of the tool, or give this stage a glibc base (`debian:*-slim`, distroless) instead of emulating one.',
  references: [
    'https://github.com/rs--/gcompat',
    'https://github.com/jeanblanchard/alpine-pkg-glibc',
    'https://wiki.alpinelinux.org/wiki/Running_glibc_programs',
  ],
  aliases: [],
  fixable: false,
  messages: {
    shim: '`{{package}}` emulates only part of glibc: it hides a glibc binary that can still fail at load or run time; rebuild it for musl or use a glibc base',
    sideLoaded:
      "side-loaded glibc (sgerrand alpine-pkg-glibc): a second C library from outside Alpine's repositories; use a glibc base image instead",
  },
  scope: 'alpine',
};
