import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'node-addon-without-toolchain',
  title:
    'Node addon without a musl prebuild installed without a build toolchain',
  category: 'musl',
  severity: 'error',
  rationale:
    'Some native addons publish prebuilt binaries for glibc only (canvas; bcrypt before 4.0). On Alpine, node-pre-gyp gets a 404 for the `linux-musl` binary and falls back to compiling with node-gyp, which needs Python, make and a C++ compiler, plus the library headers the addon links (cairo, pango, jpeg, gif for canvas). Without them `npm install` fails.',
  remediation:
    'Install the toolchain in a builder stage (`apk add --no-cache --virtual .gyp python3 make g++` plus the `-dev` libraries) and copy `node_modules` into the runtime, upgrade to a version with musl prebuilds, or use a glibc base.',
  references: [
    'https://github.com/Automattic/node-canvas/issues/1486',
    'https://github.com/kelektiv/node.bcrypt.js/issues/615',
    'https://github.com/kelektiv/node.bcrypt.js/issues/1203',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
