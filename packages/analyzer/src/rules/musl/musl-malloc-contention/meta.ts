import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'musl-malloc-contention',
  title: "Allocation-heavy native code on musl's allocator",
  category: 'musl',
  severity: 'info',
  rationale:
    "musl's allocator (mallocng) favours small size and hardening over speed, and scales poorly when many threads allocate at once. Multi-threaded Rust services built for musl, GDAL and similar native workloads run several times slower than on glibc (GDAL reported 51 minutes against 22; about 10 with mimalloc).",
  remediation:
    "Link a faster allocator into the binary (mimalloc or jemalloc crates), preload one from Alpine's packages (`apk add mimalloc2` and `ENV LD_PRELOAD=/usr/lib/libmimalloc.so.2`), or benchmark against a glibc base.",
  references: [
    'https://github.com/OSGeo/gdal/issues/13062',
    'https://github.com/bram209/leptosfmt/pull/191',
    'https://github.com/gliderlabs/docker-alpine/issues/161',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
