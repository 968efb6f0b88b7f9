import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'pip-no-cache-dir',
  title: 'pip install keeps its download cache in the image',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Use `pip install --no-cache-dir …`, set `ENV PIP_NO_CACHE_DIR=1`, or mount a BuildKit cache on `/root/.cache/pip`.',
  references: ['https://pip.pypa.io/en/stable/topics/caching/'],
  aliases: ['hadolint:DL3042'],
  fixable: true,
  messages: {
    noCacheDir:
      '`{{tool}} install` without `--no-cache-dir` leaves its download cache in the image',
  },
  scope: 'any',
};
