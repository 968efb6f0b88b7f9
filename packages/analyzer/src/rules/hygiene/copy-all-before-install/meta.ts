import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'copy-all-before-install',
  title: 'Whole source copied before the dependency install',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Copy the dependency manifests first, install, then copy the rest (for pip: `COPY requirements.txt .` → `RUN pip install -r requirements.txt` → `COPY . .`); each finding names its own tool.',
  references: [
    'https://docs.docker.com/build/cache/optimize/#order-your-layers',
  ],
  aliases: [],
  fixable: false,
  messages: {
    copyAllFirst:
      '{{keyword}} of the whole build context before `{{install}}` re-runs the install on every source change: copy {{manifests}} first, install, then copy the rest',
  },
  scope: 'any',
};
