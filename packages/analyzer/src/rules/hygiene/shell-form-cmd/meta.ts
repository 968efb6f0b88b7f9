import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'shell-form-cmd',
  title: 'CMD or ENTRYPOINT in shell form',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Use the JSON exec form: `CMD ["node", "server.js"]`; if a shell is needed, end the script with `exec "$@"`.',
  references: [
    'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form',
  ],
  aliases: ['hadolint:DL3025'],
  fixable: false,
  messages: {
    shellForm:
      '{{keyword}} in shell form runs under /bin/sh -c, which does not pass SIGTERM on: use the JSON exec form',
  },
  scope: 'any',
};
