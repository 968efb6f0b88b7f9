import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'root-user',
  title: 'Container runs as root',
  category: 'hygiene',
  severity: 'warning',
  rationale:
    'Without a USER, or with a last USER of root, the container process runs as root: a compromise of the application is a compromise of root inside the container, one kernel bug away from the host.',
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
  scope: 'any',
};
