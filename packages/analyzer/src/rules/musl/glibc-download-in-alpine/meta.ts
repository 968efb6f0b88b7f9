import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-download-in-alpine',
  title: 'glibc build downloaded into an Alpine stage',
  category: 'musl',
  severity: 'error',
  rationale:
    'Prebuilt release assets are almost always linked against glibc: `*-linux-gnu` tarballs, `manylinux` wheels, the official Node.js `linux-x64` tarballs, `.deb` and `.rpm` packages. On Alpine the download succeeds and the binary then fails with "not found"; Debian and RPM packages cannot be installed at all. A generic `linux-amd64` asset is glibc too unless the project links statically.',
  remediation:
    'Install the tool with `apk add` (pkgs.alpinelinux.org), download the musl/Alpine/static asset if the project publishes one (`*-linux-musl`, `*-alpine`, `*-static`), or use a glibc base image for this stage.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/219',
    'https://github.com/nodenv/node-build/issues/722',
    'https://peps.python.org/pep-0656/',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
