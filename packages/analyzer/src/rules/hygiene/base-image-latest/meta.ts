import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'base-image-latest',
  title: 'Base image tagged latest',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Pin a release tag (`alpine:3.22`, `node:22-alpine3.22`), ideally with a digest kept current by a bot.',
  references: ['https://docs.docker.com/reference/dockerfile/#from'],
  aliases: ['hadolint:DL3007', 'trivy:DS-0001', 'checkov:CKV_DOCKER_7'],
  fixable: false,
  messages: {
    latest: 'base image {{image}} uses the moving latest tag',
    latestResolved:
      'base image {{image}} uses the moving latest tag ({{written}} resolves to {{image}})',
  },
  scope: 'any',
};
