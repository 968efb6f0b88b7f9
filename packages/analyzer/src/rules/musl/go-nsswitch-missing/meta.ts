import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'go-nsswitch-missing',
  title: 'Go before 1.16 on Alpine without /etc/nsswitch.conf',
  category: 'musl',
  severity: 'warning',
  remediation:
    'Build with Go 1.16 or newer, or add the file: `RUN echo "hosts: files dns" > /etc/nsswitch.conf`.',
  references: [
    'https://github.com/golang/go/issues/35305',
    'https://github.com/gliderlabs/docker-alpine/issues/367',
    'https://github.com/golang/go/issues/22846',
  ],
  aliases: [],
  fixable: true,
  messages: {
    nsswitchMissing:
      'Go {{version}} binary on Alpine without /etc/nsswitch.conf: Go before {{filesFirst}} asks DNS before /etc/hosts here, so --add-host and hostAliases entries are ignored',
  },
  scope: 'alpine',
};
