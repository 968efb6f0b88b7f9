import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'node-musl-platform-package-missing',
  title: 'Lockfile pins the glibc platform package but not the musl one',
  category: 'musl',
  severity: 'error',
  remediation:
    'Regenerate the lockfile with a current npm (10+), yarn or pnpm so it lists every platform package, or add the musl package (`npm install --save-optional --os=linux --libc=musl --cpu=x64 sharp`); with pnpm or yarn berry, list musl in `supportedArchitectures`.',
  references: [
    'https://github.com/npm/cli/issues/4828',
    'https://sharp.pixelplumbing.com/install#cross-platform',
    'https://pnpm.io/package_json#pnpmsupportedarchitectures',
  ],
  aliases: [],
  fixable: false,
  messages: {
    missingMusl:
      'confirmed by {{lockfile}}: it locks `{{glibc}}` but not `{{musl}}`, so `{{install}}` on Alpine installs no musl binary and the package fails to load ("Cannot find module \'{{musl}}\'")',
  },
  scope: 'alpine',
};
