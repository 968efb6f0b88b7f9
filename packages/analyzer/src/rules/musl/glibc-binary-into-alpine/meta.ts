import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-binary-into-alpine',
  title: 'glibc binary or library copied into an Alpine stage',
  category: 'musl',
  severity: 'error',
  remediation:
    'Build the binary in a matching `*-alpine` stage, link it statically (`-static`, or a musl target), or run it on a glibc base (`debian:*-slim`, distroless).',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/219',
    'https://github.com/gin-gonic/gin/issues/1178',
    'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
  ],
  aliases: [],
  fixable: false,
  messages: {
    glibcBinary:
      '{{files}} {{verb}} from glibc {{source}} into this Alpine stage: a dynamically linked glibc binary or library fails here ("not found": no ld-linux loader, no libc.so.6)',
    opaqueGoBuild:
      '{{files}} {{verb}} from {{source}}, built without a visible `go build` ({{build}}): it runs on Alpine only if it is static (built with CGO_ENABLED=0, or linked with -extldflags=-static); check the build, or set CGO_ENABLED=0 in this Dockerfile',
  },
  scope: 'alpine',
};
