import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'base-image-untagged',
  title: 'Base image without a tag',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Name a release tag (`alpine:3.22`, `python:3.12-alpine3.22`), ideally with a digest (`@sha256:…`) updated by a bot.',
  references: ['https://docs.docker.com/reference/dockerfile/#from'],
  aliases: ['hadolint:DL3006', 'trivy:DS-0001', 'checkov:CKV_DOCKER_7'],
  fixable: false,
  messages: {
    untaggedWhatever:
      'base image {{image}} has no tag whatever its variables hold, so it means :latest',
    untagged: 'base image {{image}} has no tag, so it means :latest',
    untaggedResolved:
      'base image {{image}} has no tag, so it means :latest ({{written}} resolves to {{image}})',
  },
  scope: 'any',
};
