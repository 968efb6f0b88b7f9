import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'pipefail-missing',
  title: 'Pipe in RUN without pipefail',
  category: 'hygiene',
  severity: 'warning',
  rationale:
    'A RUN fails only when its last command fails. In `wget -qO- https://… | tar -xz`, a failed download still lets `tar` succeed on empty input, and the build goes on with a broken image. `set -o pipefail` makes the pipe fail when any part fails; BusyBox ash on Alpine supports it, as does bash.',
  remediation:
    'Start the RUN with `set -o pipefail &&`, or set the shell once per stage: `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]` on Alpine, `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` on Debian.',
  references: ['https://github.com/hadolint/hadolint/wiki/DL4006'],
  aliases: ['hadolint:DL4006'],
  fixable: false,
  scope: 'any',
};
