import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'glibc-loader-path-in-alpine',
  title: 'glibc loader or library path used in an Alpine stage',
  category: 'musl',
  severity: 'error',
  rationale:
    "Paths such as `/lib64/ld-linux-x86-64.so.2`, `libc.so.6` or `/usr/lib/x86_64-linux-gnu` exist only on glibc systems. Symlinking the musl loader to the glibc name, pointing `LD_LIBRARY_PATH` at a multiarch directory or copying glibc's loader in forces glibc binaries onto musl: they crash or fail with missing symbols.",
  remediation:
    'Run the binary on a glibc base image, or rebuild it for musl; do not fake the glibc loader.',
  references: [
    'https://github.com/gliderlabs/docker-alpine/issues/219',
    'https://github.com/Shrinidhikulkarni7/OracleClient_Alpine/issues/2',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
