import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-download-in-alpine',
  title: 'glibc build downloaded into an Alpine stage',
  category: 'musl',
  severity: 'error',
  remediation:
    'Install the tool with `apk add` (pkgs.alpinelinux.org), download the musl/Alpine/static asset if the project publishes one (`*-linux-musl`, `*-alpine`, `*-static`), or use a glibc base image for this stage.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/219',
    'https://github.com/nodenv/node-build/issues/722',
    'https://peps.python.org/pep-0656/',
  ],
  aliases: [],
  fixable: false,
  messages: {
    glibcDownload: '`{{file}}` is {{reason}}: it does not run on Alpine (musl)',
    checkDownload:
      '`{{file}}` is {{reason}}: check that it is statically linked, or use a musl build or `apk add`',
  },
  scope: 'alpine',
};
