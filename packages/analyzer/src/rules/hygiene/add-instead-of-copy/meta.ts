import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'add-instead-of-copy',
  title: 'ADD used to copy local files',
  category: 'hygiene',
  severity: 'warning',
  rationale:
    '`ADD` also downloads URLs and unpacks local archives. For plain files and folders it does what `COPY` does, but a reader (and the next change) cannot tell whether the magic is intended: a `.tar.gz` added later gets unpacked by surprise.',
  remediation:
    'Use `COPY` for local files; keep `ADD` for archives to unpack or for `--checksum`-verified downloads.',
  references: [
    'https://docs.docker.com/build/building/best-practices/#add-or-copy',
  ],
  aliases: ['hadolint:DL3020', 'trivy:DS-0005', 'checkov:CKV_DOCKER_4'],
  fixable: true,
  scope: 'any',
};
