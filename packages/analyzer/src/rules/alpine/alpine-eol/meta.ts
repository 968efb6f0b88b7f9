import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'alpine-eol',
  title: 'Alpine release past its end of life',
  category: 'alpine',
  severity: 'warning',
  rationale:
    'An Alpine branch past its end of life gets no security fixes: every CVE found after that date stays in the image. Its packages also stop moving, so the image drifts further from what libraries and tools expect. It does not break the build (old branches stay on the mirrors), hence a warning, not an error.',
  remediation:
    'Move to a supported Alpine release: `alpine:3.22`, or the same image with a newer `-alpine3.22` suffix.',
  references: ['https://alpinelinux.org/releases/'],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
