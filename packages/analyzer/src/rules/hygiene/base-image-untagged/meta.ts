import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'base-image-untagged',
  title: 'Base image without a tag',
  category: 'hygiene',
  severity: 'warning',
  rationale:
    'A FROM without a tag or digest pulls `latest`: the base image, and with it the distribution release and libc, changes under you between builds, and the build is not reproducible.',
  remediation:
    'Name a release tag (`alpine:3.22`, `python:3.12-alpine3.22`), ideally with a digest (`@sha256:…`) updated by a bot.',
  references: ['https://docs.docker.com/reference/dockerfile/#from'],
  aliases: ['hadolint:DL3006', 'trivy:DS-0001', 'checkov:CKV_DOCKER_7'],
  fixable: false,
  scope: 'any',
};
