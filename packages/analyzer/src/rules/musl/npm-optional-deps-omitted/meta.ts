import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'npm-optional-deps-omitted',
  title: 'Platform packages dropped or installed for glibc on Alpine',
  category: 'musl',
  severity: 'warning',
  rationale:
    'esbuild, rollup 4, @swc/core, lightningcss, sharp 0.33+ and others ship their binaries as optional dependencies, one package per platform (`@rollup/rollup-linux-x64-musl`, `@img/sharp-linuxmusl-x64`). `--omit=optional` / `--no-optional` drops the musl one and the app fails with "Cannot find module …-linux-x64-musl"; `--libc=glibc` installs the wrong one on Alpine. npm has also been known to leave the musl package out of lockfiles written on macOS or glibc machines.',
  remediation:
    'Keep optional dependencies (`npm ci --omit=dev`, not `--omit=optional`), install for musl (`--libc=musl`), and regenerate lockfiles so they list every platform package, or use pnpm/yarn `supportedArchitectures`.',
  references: [
    'https://github.com/npm/cli/issues/4828',
    'https://github.com/rollup/rollup/issues/5170',
    'https://sharp.pixelplumbing.com/install#cross-platform',
  ],
  aliases: [],
  fixable: true,
  scope: 'alpine',
};
