import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'add-instead-of-copy',
  title: 'ADD used to copy local files',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Use `COPY` for local files; keep `ADD` for archives to unpack or for `--checksum`-verified downloads.',
  references: [
    'https://docs.docker.com/build/building/best-practices/#add-or-copy',
  ],
  aliases: ['hadolint:DL3020', 'trivy:DS-0005', 'checkov:CKV_DOCKER_4'],
  fixable: true,
  messages: {
    addLocal:
      'ADD of local {{sources}}: use COPY, ADD also unpacks archives and fetches URLs',
  },
  scope: 'any',
};
