import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'copy-all-before-install',
  title: 'Whole source copied before the dependency install',
  category: 'hygiene',
  severity: 'warning',
  rationale:
    'Docker reuses a cached layer only while everything it depends on is unchanged. `COPY . .` before `pip install -r requirements.txt` or `npm ci` ties the install to every source file, so each code change re-downloads and re-installs all dependencies (and reinstalls and deletes any build toolchain).',
  remediation:
    'Copy the dependency manifest first, install, then copy the rest: `COPY requirements.txt .` → `RUN pip install -r requirements.txt` → `COPY . .`.',
  references: [
    'https://docs.docker.com/build/cache/optimize/#order-your-layers',
  ],
  aliases: [],
  fixable: false,
  scope: 'any',
};
