import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'base-image-latest',
  title: 'Base image tagged latest',
  category: 'hygiene',
  severity: 'warning',
  rationale:
    '`:latest` moves: the base image, its distribution release and its libc change between builds with no change to the Dockerfile, so builds are not reproducible and an Alpine or Debian major upgrade arrives unannounced.',
  remediation:
    'Pin a release tag (`alpine:3.22`, `node:22-alpine3.22`), ideally with a digest kept current by a bot.',
  references: ['https://docs.docker.com/reference/dockerfile/#from'],
  aliases: ['hadolint:DL3007', 'trivy:DS-0001', 'checkov:CKV_DOCKER_7'],
  fixable: false,
  scope: 'any',
};
