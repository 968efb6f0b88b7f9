import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'pip-no-cache-dir',
  title: 'pip install keeps its download cache in the image',
  category: 'hygiene',
  severity: 'warning',
  rationale:
    'pip caches every downloaded wheel and sdist under `~/.cache/pip`. In an image that cache is never reused at run time, but it ships in the layer, often doubling the size of the installed packages.',
  remediation:
    'Use `pip install --no-cache-dir …`, set `ENV PIP_NO_CACHE_DIR=1`, or mount a BuildKit cache on `/root/.cache/pip`.',
  references: ['https://pip.pypa.io/en/stable/topics/caching/'],
  aliases: ['hadolint:DL3042'],
  fixable: true,
  scope: 'any',
};
