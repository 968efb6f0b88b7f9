import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'node-modules-across-libc',
  title: 'node_modules copied between glibc and musl stages',
  category: 'musl',
  severity: 'warning',
  remediation:
    'Run `npm ci` in a stage with the same libc as the runtime (an `-alpine` builder for an Alpine runtime), or install the target platform explicitly (`npm install --os=linux --libc=musl --cpu=x64 sharp`).',
  references: [
    'https://github.com/lovell/sharp/issues/3166',
    'https://github.com/lovell/sharp/issues/3159',
    'https://sharp.pixelplumbing.com/install#cross-platform',
  ],
  aliases: [],
  fixable: false,
  messages: {
    nativeAddons:
      'node_modules (`{{path}}`) copied {{direction}} from {{source}}: native addons are built for the source libc and fail to load here ({{natives}})',
    confirmedNatives:
      'node_modules (`{{path}}`) copied {{direction}} from {{source}}: native code built for the source libc fails to load here, confirmed by {{lockfile}}: {{natives}}',
    refutedPure:
      "node_modules (`{{path}}`) copied {{direction}} from {{source}}, but {{lockfile}} locks no native addon, install script or platform package: pure JavaScript loads on either libc (keep the install in the runtime's libc if that changes)",
    mayHaveAddons:
      'node_modules (`{{path}}`) copied {{direction}} from {{source}}: native addons are built for the source libc and fail to load here; run npm ci in a stage with the runtime libc',
  },
  scope: 'any',
};
