import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-loader-path-in-alpine',
  title: 'glibc loader or library path used in an Alpine stage',
  category: 'musl',
  severity: 'error',
  remediation:
    'Run the binary on a glibc base image, or rebuild it for musl; do not fake the glibc loader.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/219',
    'https://github.com/Shrinidhikulkarni7/OracleClient_Alpine/issues/2',
  ],
  aliases: [],
  fixable: false,
  messages: {
    glibcPath:
      '`{{path}}` is {{what}}, which musl systems do not have: forcing glibc binaries onto Alpine makes them crash or miss symbols',
  },
  scope: 'alpine',
};
