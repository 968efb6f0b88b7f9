import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'pipefail-missing',
  title: 'Pipe in RUN without pipefail',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Start the RUN with `set -o pipefail &&`, or set the shell once per stage: `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]` on Alpine, `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` on Debian.',
  references: ['https://github.com/hadolint/hadolint/wiki/DL4006'],
  aliases: ['hadolint:DL4006'],
  fixable: false,
  messages: {
    pipefail:
      'a failure of `{{command}}` is ignored: only the last command of the pipe decides; start the RUN with `set -o pipefail &&` or use {{shell}}',
  },
  scope: 'any',
};
