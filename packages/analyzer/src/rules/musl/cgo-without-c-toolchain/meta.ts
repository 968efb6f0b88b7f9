import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'cgo-without-c-toolchain',
  title: 'cgo build on Alpine without gcc and musl-dev',
  category: 'musl',
  severity: 'error',
  remediation:
    'Install the toolchain in the builder stage only: `RUN apk add --no-cache gcc musl-dev` (or `build-base`). If cgo is not needed, set `CGO_ENABLED=0` instead.',
  references: [
    'https://github.com/docker-library/golang/issues/86',
    'https://pkg.go.dev/cmd/cgo',
  ],
  aliases: [],
  fixable: true,
  messages: {
    noToolchain:
      '`go {{subcommand}}` needs cgo ({{reason}}) but this Alpine stage has no {{missing}}: the build fails with "gcc: not found" or missing C headers',
  },
  scope: 'alpine',
};
