import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'node-addon-without-toolchain',
  title:
    'Node addon without a musl prebuild installed without a build toolchain',
  category: 'musl',
  severity: 'error',
  remediation:
    'Install the toolchain in a builder stage (`apk add --no-cache --virtual .gyp python3 make g++` plus the `-dev` libraries) and copy `node_modules` into the runtime, upgrade to a version with musl prebuilds, or use a glibc base.',
  references: [
    'https://github.com/Automattic/node-canvas/issues/1486',
    'https://github.com/kelektiv/node.bcrypt.js/issues/615',
    'https://github.com/kelektiv/node.bcrypt.js/issues/1203',
  ],
  aliases: [],
  fixable: false,
  messages: {
    noToolchain:
      '`{{addon}}` has no musl prebuild, so node-gyp compiles it here, but this Alpine stage lacks {{missing}}: the install fails; add them in a builder stage',
  },
  scope: 'alpine',
};
