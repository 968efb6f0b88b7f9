import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'go-cgo-module-without-cgo',
  title: 'go.mod requires a cgo-only module built without cgo',
  category: 'musl',
  severity: 'error',
  remediation:
    "Build with `CGO_ENABLED=1` and a C toolchain (`apk add --no-cache build-base`, plus the library's `-dev` package) in the builder, then ship to an Alpine runtime; or switch to a pure-Go replacement (`modernc.org/sqlite` for `mattn/go-sqlite3`).",
  references: [
    'https://github.com/mattn/go-sqlite3#installation',
    'https://pkg.go.dev/cmd/cgo',
    'https://go.dev/doc/go1.20#cgo',
  ],
  aliases: [],
  fixable: false,
  messages: {
    cgoDisabled:
      'confirmed by {{file}}: it requires `{{module}}`, which {{why}}; this build has {{reason}}',
  },
  scope: 'any',
};
