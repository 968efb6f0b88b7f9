import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'npm-optional-deps-omitted',
  title: 'Platform packages dropped or installed for glibc on Alpine',
  category: 'musl',
  severity: 'warning',
  remediation:
    'Keep optional dependencies (`npm ci --omit=dev`, not `--omit=optional`), install for musl (`--libc=musl`), and regenerate lockfiles so they list every platform package, or use pnpm/yarn `supportedArchitectures`.',
  references: [
    'https://github.com/npm/cli/issues/4828',
    'https://github.com/rollup/rollup/issues/5170',
    'https://sharp.pixelplumbing.com/install#cross-platform',
  ],
  aliases: [],
  fixable: true,
  messages: {
    optionalOmitted:
      '`{{flags}}` drops optional dependencies, which is how esbuild, rollup, @swc/core and sharp ship their musl binaries: expect "Cannot find module …-linux-x64-musl"',
    glibcFlag:
      '`--libc=glibc` installs the glibc builds of platform packages into this Alpine stage: they do not load on musl',
    optionalOmittedByEnv:
      '{{name}}={{value}} drops optional dependencies, and with them the musl binaries of esbuild, rollup, @swc/core and sharp',
    glibcByEnv:
      '{{name}}={{value}} makes npm install glibc builds of platform packages on Alpine',
  },
  scope: 'alpine',
};
