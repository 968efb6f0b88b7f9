import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'go-cgo-glibc-into-alpine',
  title: 'Go built with cgo on a glibc stage, run on Alpine',
  category: 'musl',
  severity: 'error',
  rationale:
    'On a native build cgo is on by default, and the Debian-based `golang` images ship gcc, so packages such as `net` and `os/user` link against glibc dynamically. The binary then needs `ld-linux` and `libc.so.6` at run time, which the Alpine stage it is copied into does not have: it fails with "no such file or directory".',
  remediation:
    'Set `ENV CGO_ENABLED=0` in the builder (or `CGO_ENABLED=0 go build …`), or build in `golang:*-alpine`. If the code really needs cgo, build it on Alpine with `apk add gcc musl-dev`, or ship it on a glibc base.',
  references: [
    'https://pkg.go.dev/cmd/cgo',
    'https://github.com/dockersamples/compose-dev-env/pull/4',
  ],
  aliases: [],
  fixable: true,
  scope: 'alpine',
};
