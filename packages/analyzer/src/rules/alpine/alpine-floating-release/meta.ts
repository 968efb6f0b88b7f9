import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-floating-release',
  title: 'Base image tag floats between Alpine releases',
  category: 'alpine',
  severity: 'info',
  remediation:
    'Name the branch in the tag (`alpine:X.Y`, `node:22-alpineX.Y`) and move it on purpose, ideally with a bot that proposes the bump.',
  references: [
    'https://hub.docker.com/_/alpine',
    'https://github.com/nodejs/docker-node/blob/main/CONTRIBUTING.md#version-updates',
  ],
  aliases: [],
  fixable: false,
  messages: {
    floating:
      '{{image}} names no Alpine branch: as of this knowledge ({{knowledge}}) it resolves to Alpine {{version}}, and a rebuild may move it to a newer branch without a change here',
  },
  scope: 'alpine',
};
