import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'node-modules-across-libc',
  title: 'node_modules copied between glibc and musl stages',
  category: 'musl',
  severity: 'warning',
  rationale:
    'Native addons (`*.node` files of sharp, bcrypt, better-sqlite3, esbuild, @swc/core, Prisma engines…) and per-platform packages are installed for the libc of the stage that ran `npm ci`. Copied from a Debian-based `node` stage into `node:*-alpine` (or back), they fail at `require()` with "Error loading shared library ld-linux-x86-64.so.2" or "Cannot find module @…/…-linux-x64-musl". Pure-JavaScript dependencies work, which is why it breaks only sometimes.',
  remediation:
    'Run `npm ci` in a stage with the same libc as the runtime (an `-alpine` builder for an Alpine runtime), or install the target platform explicitly (`npm install --os=linux --libc=musl --cpu=x64 sharp`).',
  references: [
    'https://github.com/lovell/sharp/issues/3166',
    'https://github.com/lovell/sharp/issues/3159',
    'https://sharp.pixelplumbing.com/install#cross-platform',
  ],
  aliases: [],
  fixable: false,
  scope: 'any',
};
