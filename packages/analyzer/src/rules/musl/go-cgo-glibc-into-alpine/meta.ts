import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'go-cgo-glibc-into-alpine',
  title: 'Go built with cgo on a glibc stage, run on Alpine',
  category: 'musl',
  severity: 'error',
  remediation:
    'Set `ENV CGO_ENABLED=0` in the builder (or `CGO_ENABLED=0 go build …`), or build in `golang:*-alpine`. If the code really needs cgo, build it on Alpine with `apk add gcc musl-dev`, or ship it on a glibc base.',
  references: [
    'https://pkg.go.dev/cmd/cgo',
    'https://github.com/dockersamples/compose-dev-env/pull/4',
  ],
  aliases: [],
  fixable: true,
  messages: {
    cgoEnabled:
      '`go {{subcommand}}` (line {{line}}) in {{source}} runs with cgo enabled: the binary links glibc dynamically and fails on Alpine',
    cgoByDefault:
      '`go {{subcommand}}` (line {{line}}) in {{source}} runs with cgo on by default: the binary links glibc dynamically and fails on Alpine',
  },
  scope: 'alpine',
};
