import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-branch-change',
  title: 'Alpine branch change that breaks the build',
  category: 'alpine',
  severity: 'info',
  remediation:
    'Port the code to what replaced the removed part (the finding says what), or pin the old version in a virtualenv; until then, name a branch before the change in the tag.',
  references: [
    'https://pkgs.alpinelinux.org/package/v3.24/main/x86/py3-setuptools',
    'https://raw.githubusercontent.com/pypa/setuptools/refs/tags/v82.0.1/NEWS.rst',
  ],
  aliases: [],
  fixable: false,
  messages: {
    failsHere: "{{what}}; {{on}}, so this RUN's use of it fails: {{instead}}",
    failsAtRunTime:
      '{{what}}; {{on}}: code that still imports it fails at run time ({{instead}})',
  },
  scope: 'alpine',
};
