import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'musl-malloc-contention',
  title: "Allocation-heavy native code on musl's allocator",
  category: 'musl',
  severity: 'info',
  remediation:
    "Link a faster allocator into the binary (mimalloc or jemalloc crates), preload one from Alpine's packages (`apk add mimalloc2` and `ENV LD_PRELOAD=/usr/lib/libmimalloc.so.2`), or benchmark against a glibc base.",
  references: [
    'https://github.com/OSGeo/gdal/issues/13062',
    'https://github.com/bram209/leptosfmt/pull/191',
    'https://github.com/gliderlabs/docker-alpine/issues/161',
  ],
  aliases: [],
  fixable: false,
  messages: {
    mallocContention:
      "{{what}} runs on musl's allocator, which scales poorly with many threads allocating: consider mimalloc or jemalloc (linked in, or LD_PRELOAD)",
  },
  scope: 'alpine',
};
