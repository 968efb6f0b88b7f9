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
    'https://git.busybox.net/busybox/commit/?id=1e3e2ccd5dd280371c9ca29c0e0304a0d40592af',
  ],
  aliases: ['hadolint:DL3025'],
  fixable: false,
  messages: {
    shellForm:
      '{{keyword}} in shell form runs under /bin/sh -c, which does not pass SIGTERM on: use the JSON exec form',
    cmdAsShellArguments:
      'CMD in shell form after an exec-form ENTRYPOINT: `{{program}}` gets `/bin/sh`, `-c` and the line as its arguments: write CMD in the JSON form',
    notJson:
      '{{keyword}} looks like the JSON exec form but is not JSON (strings need double quotes): Docker runs it through /bin/sh -c as one command line, and the container fails to start',
    entrypointDropsArguments:
      'ENTRYPOINT in shell form ignores CMD and `docker run` arguments (its program does get signals: the shell execs it): use the JSON exec form if the image takes arguments',
  },
  scope: 'any',
};
