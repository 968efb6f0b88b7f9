import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'no-alpine-stage',
  title: 'No Alpine stage: only hygiene rules applied',
  category: 'hygiene',
  severity: 'info',
  rationale:
    'Alpine and musl rules only make sense for stages built on Alpine. When no stage is (Debian, Ubuntu, distroless, scratch or an image the catalog does not know), the report says so, so that a clean result is not mistaken for a clean Alpine build.',
  remediation:
    'Nothing to do if the image is meant to be glibc-based. If a base image is in fact Alpine-based, name a tag with `-alpine` or use `alpine:<version>` so the analyzer can tell.',
  references: [],
  aliases: [],
  fixable: false,
  scope: 'any',
};
