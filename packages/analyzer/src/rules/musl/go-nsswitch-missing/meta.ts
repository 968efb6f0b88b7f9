import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'go-nsswitch-missing',
  title: 'Go before 1.16 on Alpine without /etc/nsswitch.conf',
  category: 'musl',
  severity: 'warning',
  rationale:
    'Alpine has no /etc/nsswitch.conf (musl does not use NSS). Go before 1.16 then assumed the glibc default and asked DNS before /etc/hosts, so `--add-host` entries, Kubernetes `hostAliases` and even `localhost` could resolve differently than for every other program in the container.',
  remediation:
    'Build with Go 1.16 or newer, or add the file: `RUN echo "hosts: files dns" > /etc/nsswitch.conf`.',
  references: [
    'https://github.com/golang/go/issues/35305',
    'https://github.com/gliderlabs/docker-alpine/issues/367',
    'https://github.com/golang/go/issues/22846',
  ],
  aliases: [],
  fixable: true,
  scope: 'alpine',
};
