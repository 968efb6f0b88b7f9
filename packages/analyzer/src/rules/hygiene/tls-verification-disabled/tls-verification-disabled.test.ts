import { findingsOf, testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache ca-certificates && wget -qO /tmp/app.tgz https://downloads.example.org/app.tgz\n',
    'FROM alpine:3.22\nRUN curl -fsSL https://downloads.example.org/install.sh -o /tmp/install.sh\n',
    {
      name: 'the flag in an echo string or a comment is not a download',
      code: 'FROM alpine:3.22\n# RUN wget --no-check-certificate https://example.org/a\nRUN echo "never use --no-check-certificate or curl -k" && printf "%s\\n" "--trusted-host"\n',
    },
    {
      name: 'grep -k and a -k inside a curl option value',
      code: 'FROM alpine:3.22\nRUN curl -fsS https://example.org/list | grep -k token; curl -o -k https://example.org/a; curl -sSLo k.tgz https://example.org/k.tgz\n',
    },
    {
      name: 'a health probe of a service started during the build',
      code: 'FROM alpine:3.22\nRUN ./start-server & sleep 2 && curl -fk https://localhost:8443/ready\n',
    },
    {
      name: 'plain HTTP has no certificate to skip',
      code: 'FROM alpine:3.22\nRUN curl -sk http://mirror.internal/pkg.tgz -o /tmp/pkg.tgz\n',
    },
    'FROM node:22-alpine\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nRUN npm config set strict-ssl true && npm install strict-ssl\n',
    'FROM node:22-alpine\nARG NODE_TLS_REJECT_UNAUTHORIZED\nRUN npm ci\n',
    'FROM alpine:3.22\nENV MY_GIT_SSL_NO_VERIFY=1 GIT_SSL_NO_VERIFY_HINT=1\nRUN git config --global http.sslVerify true && git config --global http.postBuffer 524288000\n',
    'FROM python:3.13-alpine\nRUN pip install --index-url https://pypi.internal/simple --cert /etc/ssl/certs/corp.pem flask\n',
    'FROM rockylinux:9\nRUN dnf --setopt=install_weak_deps=False install -y git\n',
  ],
  invalid: [
    {
      name: 'BusyBox wget in an Alpine stage',
      code: 'FROM alpine:3.22\nRUN wget --no-check-certificate -qO- https://downloads.example.org/app.tgz | tar -xz -C /opt\n',
      errors: [
        {
          line: 2,
          messageContains: "BusyBox wget, Alpine's only built-in downloader",
        },
      ],
    },
    {
      name: 'wget behind a continuation, called through busybox',
      code: 'FROM alpine:3.22\nRUN busybox wget \\\n    --no-check-certificate \\\n    https://downloads.example.org/app.tgz\n',
      errors: [
        { line: 3, messageContains: 'apk add --no-cache ca-certificates' },
      ],
    },
    {
      name: 'wget on Debian gets the generic advice',
      code: 'FROM debian:12-slim\nRUN wget --no-check-certificate https://downloads.example.org/app.deb\n',
      errors: [{ line: 2, messageContains: 'install the CA certificates' }],
    },
    {
      name: 'curl -k on Debian gets the generic advice',
      code: 'FROM debian:12-slim\nRUN curl -k -o app.deb https://downloads.example.org/app.deb\n',
      errors: [
        {
          line: 2,
          messageContains:
            'curl -k downloads without checking the server certificate: install the CA certificates (`ca-certificates`) instead, or point it at your CA',
        },
      ],
    },
    {
      name: 'curl -k inside a cluster of short options, and --insecure',

      code: 'FROM alpine:3.22\nRUN curl -fsSLk https://downloads.example.org/a -o /a && curl --insecure -O https://downloads.example.org/b\n',
      errors: [
        { line: 2, messageContains: 'curl -fsSLk' },
        { line: 2, messageContains: 'curl --insecure' },
      ],
    },
    {
      name: 'curl -k in an sh -c string of the exec form',
      code: 'FROM alpine:3.22\nRUN ["/bin/sh", "-c", "curl -k https://downloads.example.org/a | sh"]\n',
      errors: [{ line: 2, messageContains: 'curl -k' }],
    },
    {
      name: 'Node.js told to accept any certificate, by ENV, ARG and inline',
      code: 'FROM node:22-alpine\nENV PORT=3000 NODE_TLS_REJECT_UNAUTHORIZED="0"\nARG NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n',
      errors: [
        { line: 2, messageContains: 'NODE_TLS_REJECT_UNAUTHORIZED=0' },
        { line: 3, messageContains: 'Node.js then accepts any certificate' },
        { line: 4, messageContains: 'NODE_TLS_REJECT_UNAUTHORIZED=0' },
      ],
    },
    {
      name: 'PYTHONHTTPSVERIFY=0',
      code: 'FROM python:2.7-alpine\nENV PYTHONHTTPSVERIFY 0\n',
      errors: [{ line: 2, messageContains: 'PEP 493' }],
    },
    {
      name: 'GIT_SSL_NO_VERIFY counts whatever its value',
      code: 'FROM alpine:3.22\nENV GIT_SSL_NO_VERIFY=false\nRUN export GIT_SSL_NO_VERIFY=1 && git clone https://git.example.org/app.git\n',
      errors: [
        { line: 2, messageContains: 'whatever its value' },
        { line: 3, messageContains: 'GIT_SSL_NO_VERIFY=1' },
      ],
    },
    {
      name: 'git told not to verify by config and by -c',
      code: 'FROM alpine:3.22\nRUN git config --global http.sslVerify false\nRUN git -c http.https://git.example.org/.sslverify=0 clone https://git.example.org/app.git\n',
      errors: [
        { line: 2, messageContains: 'git config http.sslVerify false' },
        {
          line: 3,
          messageContains: 'git -c http.https://git.example.org/.sslverify=0',
        },
      ],
    },
    {
      name: 'pip --trusted-host, also before the subcommand and via python -m pip',
      code: 'FROM python:3.13-alpine\nRUN pip3.13 --trusted-host pypi.org install flask && python3 -m pip install --trusted-host=files.pythonhosted.org gunicorn\n',
      errors: [
        { line: 2, messageContains: 'for pypi.org' },
        { line: 2, messageContains: 'for files.pythonhosted.org' },
      ],
    },
    {
      name: 'pip told to trust hosts by config and by environment',
      code: 'FROM python:3.13-alpine\nENV PIP_TRUSTED_HOST="pypi.org files.pythonhosted.org"\nRUN pip config set global.trusted-host pypi.org\n',
      errors: [
        { line: 2, messageContains: 'PIP_TRUSTED_HOST' },
        { line: 3, messageContains: 'pip config global.trusted-host' },
      ],
    },
    {
      name: 'npm and yarn strict-ssl turned off in their different spellings',
      code: 'FROM node:22-alpine\nRUN npm config set strict-ssl false \\\n && npm set "strict-ssl=false" \\\n && yarn config set strict-ssl false --global \\\n && yarn config set enableStrictSsl false \\\n && npm ci --strict-ssl=false\nENV npm_config_strict_ssl=false\n',
      errors: [
        { line: 2, messageContains: 'npm config set strict-ssl false' },
        { line: 3, messageContains: 'npm set strict-ssl=false' },
        { line: 4, messageContains: 'yarn config set strict-ssl false' },
        { line: 5, messageContains: 'yarn config set enableStrictSsl false' },
        { line: 6, messageContains: 'npm --strict-ssl=false' },
        {
          line: 7,
          messageContains: 'npm then accepts any registry certificate',
        },
      ],
    },
    {
      name: 'apk --no-check-certificate is info: packages stay signature-checked',
      code: 'FROM alpine:3.22\nRUN apk --no-check-certificate add --no-cache git\n',
      errors: [
        { line: 2, severity: 'info', messageContains: 'signature-checked' },
      ],
    },
    {
      name: 'dnf and yum repositories without certificate checks',
      code: 'FROM rockylinux:9\nRUN dnf --setopt=sslverify=false install -y git && yum-config-manager --save --setopt=epel.sslverify=0\n',
      errors: [
        { line: 2, messageContains: 'dnf --setopt=sslverify=false' },
        {
          line: 2,
          messageContains: 'yum-config-manager --setopt=epel.sslverify=0',
        },
      ],
    },
  ],
});

describe('tls-verification-disabled aliases', () => {
  it('names only the peer check that matches each finding', () => {
    const findings = findingsOf(
      rule,
      'FROM alpine:3.22\nRUN wget --no-check-certificate https://example.org/a && curl -k https://example.org/b\nRUN git config --global http.sslverify false\n',
    );
    expect(findings.map(f => f.aliases)).toEqual([
      ['checkov:CKV2_DOCKER_3'],
      ['checkov:CKV2_DOCKER_2'],
      [],
    ]);
  });

  it('lets a suppression naming one checkov check silence only its findings', () => {
    const findings = findingsOf(
      rule,
      'FROM alpine:3.22\n# alpine-advisor ignore=checkov:CKV2_DOCKER_3 internal mirror with a self-signed certificate\nRUN wget --no-check-certificate https://mirror.internal/a && curl -k https://example.org/b\n',
    );
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('curl -k'),
    ]);
  });
});
