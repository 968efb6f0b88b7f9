import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'no-alpine-stage',
  title: 'No Alpine stage: only hygiene rules applied',
  category: 'hygiene',
  severity: 'info',
  remediation:
    'Nothing to do if the image is meant to be glibc-based. If a base image is in fact Alpine-based, name a tag with `-alpine`, use `alpine:<version>`, or install with `apk` in a stage built on it, so the analyzer can tell.',
  references: [],
  aliases: [],
  fixable: false,
  messages: {
    undecidedOne:
      'could not tell whether {{images}} is Alpine-based: the image catalog does not know it and no stage built on it runs a package manager (apk, apt-get, dnf…); Alpine and musl rules did not run on it',
    undecidedMany:
      'could not tell whether {{images}} is Alpine-based: the image catalog does not know it and no stage built on it runs a package manager (apk, apt-get, dnf…); Alpine and musl rules did not run on them',
    noAlpine: 'no stage is based on Alpine: only hygiene rules applied',
    noAlpineListed:
      'no stage is based on Alpine ({{bases}}): only hygiene rules applied',
  },
  scope: 'any',
};
