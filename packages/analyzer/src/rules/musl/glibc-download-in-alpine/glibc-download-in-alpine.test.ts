import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM debian:12 AS fetch\nRUN curl -fsSLO https://nodejs.org/dist/v22.17.0/node-v22.17.0-linux-x64.tar.xz\nFROM alpine:3.22\nCOPY --from=fetch /etc/hostname /x\n',
    'FROM alpine:3.22\nRUN apk add --no-cache nodejs\n',
    'FROM alpine:3.22\nRUN wget -qO- https://unofficial-builds.nodejs.org/download/release/v22.17.0/node-v22.17.0-linux-x64-musl.tar.xz | tar -xJ\n',
    'FROM alpine:3.22\nRUN curl -fsSLo /usr/local/bin/kubectl https://dl.k8s.io/release/v1.33.0/bin/linux/amd64/kubectl\n',
    'FROM alpine:3.22\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64 /tini\n',
    'FROM debian:12\nRUN curl -fsSLO https://example.org/tool-x86_64-unknown-linux-gnu.tar.gz\n',
    'FROM alpine:3.22\nRUN curl -fsSLO https://github.com/adoptium/temurin21-binaries/releases/download/x/OpenJDK21U-jre_x64_linux_hotspot.tar.gz\n',
    'FROM alpine:3.22\nRUN curl -fsSLO https://example.org/docs/index.html\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN wget -qO- https://nodejs.org/dist/v22.17.0/node-v22.17.0-linux-x64.tar.xz | tar -xJ -C /opt\n',
      errors: [
        { line: 2, severity: 'error', messageContains: 'official Node.js' },
      ],
    },
    {
      name: 'a gnu target triple, through an ARG version',
      code: 'FROM python:3.12-alpine\nARG V=1.0\nRUN curl -fsSLO "https://example.org/v${V}/tool-${V}-x86_64-unknown-linux-gnu.tar.gz"\n',
      errors: [{ line: 3, severity: 'error', messageContains: 'linux-gnu' }],
    },
    {
      name: 'a .deb package via ADD',
      code: 'FROM alpine:3.22\nADD https://example.org/pool/acme_1.0_amd64.deb /tmp/\n',
      errors: [
        { line: 2, severity: 'error', messageContains: 'Debian/RPM package' },
      ],
    },
    {
      name: 'a generic linux-amd64 build is a warning',
      code: 'FROM alpine:3.22 AS tools\nRUN curl -fsSL https://example.org/releases/acme-cli_2.1_linux_amd64.tar.gz | tar -xz\nFROM tools\n',
      errors: [
        { line: 2, severity: 'warning', messageContains: 'statically linked' },
      ],
    },
    {
      name: 'a manylinux wheel URL, in a heredoc',
      code: 'FROM python:3.12-alpine\nRUN <<EOF\npip install https://example.org/pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.whl\nEOF\n',
      errors: [{ line: 3, severity: 'error', messageContains: 'manylinux' }],
    },
  ],
});
