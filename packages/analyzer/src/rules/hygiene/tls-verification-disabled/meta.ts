import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'tls-verification-disabled',
  title: 'TLS certificate verification turned off',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'Keep verification on and give the tool the certificates it needs: on Alpine `apk add --no-cache ca-certificates` (BusyBox wget, the only downloader in the base image, checks against that bundle); for a TLS-intercepting proxy, add its CA certificate to the trust store (`/usr/local/share/ca-certificates/` then `update-ca-certificates`) or point the tool at it (`NODE_EXTRA_CA_CERTS`, `PIP_CERT`, `GIT_SSL_CAINFO`, `npm config set cafile`, `curl --cacert`).',
  references: [
    'https://busybox.net/downloads/BusyBox.html',
    'https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue',
    'https://git-scm.com/docs/git#Documentation/git.txt-GITSSLNOVERIFY',
    'https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host',
    'https://peps.python.org/pep-0493/',
  ],
  aliases: [
    'checkov:CKV2_DOCKER_2',
    'checkov:CKV2_DOCKER_3',
    'checkov:CKV2_DOCKER_4',
    'checkov:CKV2_DOCKER_5',
    'checkov:CKV2_DOCKER_6',
    'checkov:CKV2_DOCKER_12',
    'checkov:CKV2_DOCKER_13',
    'checkov:CKV2_DOCKER_14',
    'checkov:CKV2_DOCKER_15',
    'checkov:CKV2_DOCKER_16',
  ],
  fixable: false,
  messages: {
    insecureVariable:
      '{{name}}={{value}} turns TLS certificate verification off: {{why}}',
    gitOption:
      'git -c {{setting}} clones and fetches without checking certificates',
    gitConfig:
      'git config {{key}} {{value}} makes every later clone and fetch skip certificate checks',
    strictSslFlag: '{{tool}} {{flag}} accepts any registry certificate',
    strictSslConfig:
      '{{tool}} {{command}} makes {{tool}} accept any registry certificate',
    rpmSslVerify:
      '{{tool}} --setopt={{setopt}} downloads packages without checking the repository certificate',
    wgetNoCheck:
      "wget --no-check-certificate downloads without checking the server certificate: BusyBox wget, Alpine's only built-in downloader, checks certificates against the CA bundle: `apk add --no-cache ca-certificates` instead of turning the check off",
    wgetNoCheckNotAlpine:
      'wget --no-check-certificate downloads without checking the server certificate: install the CA certificates (`ca-certificates`) instead, or point it at your CA',
    curlInsecure:
      'curl {{flag}} downloads without checking the server certificate: install the CA certificates instead (`apk add --no-cache ca-certificates`)',
    curlInsecureNotAlpine:
      'curl {{flag}} downloads without checking the server certificate: install the CA certificates (`ca-certificates`) instead, or point it at your CA',
    pipTrustedHost:
      'pip --trusted-host skips certificate checks for {{host}}: point pip at the CA instead (`--cert`, `PIP_CERT`)',
    pipConfigTrustedHost:
      'pip config {{key}} makes pip skip certificate checks for {{host}}',
    apkNoCheck:
      'apk --no-check-certificate fetches from the repositories without checking their certificate (packages are still signature-checked): keep the check, with `ca-certificates` or your proxy CA in `/etc/ssl/certs`',
  },
  scope: 'any',
};
