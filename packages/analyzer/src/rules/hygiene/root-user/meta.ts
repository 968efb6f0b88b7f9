import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'root-user',
  title: 'Container runs as root',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Create an unprivileged user and switch to it at the end of the final stage: on Alpine `RUN addgroup -S app && adduser -S -G app app` then `USER app` (or a numeric `USER 10001`).',
  references: ['https://docs.docker.com/build/building/best-practices/#user'],
  aliases: [
    'hadolint:DL3002',
    'trivy:DS-0002',
    'checkov:CKV_DOCKER_3',
    'checkov:CKV_DOCKER_8',
  ],
  fixable: false,
  messages: {
    lastUserRoot:
      'the last USER of the final stage is {{user}}: the container runs as root',
    noUserBaseImage:
      'the final stage sets no USER, but it starts no service of its own (no CMD/ENTRYPOINT, a shell or REPL, a help screen, a development server or an idle loop): whatever is run in it, or in images built FROM it without a USER, runs as root',
    noUser: 'the final stage sets no USER: the container runs as root',
    lastUserRootTooling:
      'the last USER of the final stage is {{user}}: the container runs as root, but its path says it is an image for tests, CI or builds, not one that runs in production',
    noUserTooling:
      'the final stage sets no USER: the container runs as root, but its path says it is an image for tests, CI or builds, not one that runs in production',
  },
  scope: 'any',
};
