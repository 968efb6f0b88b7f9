import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'shell-form-cmd',
  title: 'CMD or ENTRYPOINT in shell form',
  category: 'hygiene',
  severity: 'warning',
  rationale:
    'In shell form (`CMD node server.js`), Docker runs `/bin/sh -c "…"`: the shell is PID 1 and does not forward SIGTERM, so `docker stop` waits its 10 seconds and kills the application without a graceful shutdown. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.',
  remediation:
    'Use the JSON exec form: `CMD ["node", "server.js"]`; if a shell is needed, end the script with `exec "$@"`.',
  references: [
    'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form',
  ],
  aliases: ['hadolint:DL3025'],
  fixable: false,
  scope: 'any',
};
