import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-release-unknown',
  title: 'Alpine release newer than this knowledge version',
  category: 'alpine',
  severity: 'info',
  remediation:
    'Update Alpine Advisor, or add the branch to the knowledge (`knowledge.releases` in `.alpine-advisor.yaml`, `--knowledge FILE`, or `alpineAdvisor.knowledge` in the backend) with its end-of-life date from https://alpinelinux.org/releases/.',
  references: ['https://alpinelinux.org/releases/'],
  aliases: [],
  fixable: false,
  messages: {
    unknown:
      'Alpine {{version}} ({{image}}) is unknown to this knowledge version ({{knowledge}}, newest branch {{newest}}): end of life not checked',
  },
  scope: 'alpine',
};
