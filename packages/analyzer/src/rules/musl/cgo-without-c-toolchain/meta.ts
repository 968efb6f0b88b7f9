import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'cgo-without-c-toolchain',
  title: 'cgo build on Alpine without gcc and musl-dev',
  category: 'musl',
  severity: 'error',
  rationale:
    'The `golang:*-alpine` images ship no C compiler and no libc headers. A build that needs cgo (`CGO_ENABLED=1`, `-race`, `-buildmode=c-shared|c-archive|plugin`) then fails with `gcc: not found` or a missing `errno.h`/`stdlib.h`.',
  remediation:
    'Install the toolchain in the builder stage only: `RUN apk add --no-cache gcc musl-dev` (or `build-base`). If cgo is not needed, set `CGO_ENABLED=0` instead.',
  references: [
    'https://github.com/docker-library/golang/issues/86',
    'https://pkg.go.dev/cmd/cgo',
  ],
  aliases: [],
  fixable: true,
  scope: 'alpine',
};
