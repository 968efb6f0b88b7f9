import { testRule } from '../../../__testUtils__/RuleTester';
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
    {
      name: 'signatures and checksums of a generic build are text, not programs',
      code: 'FROM alpine:3.22\nRUN curl -fsSLO https://example.org/r/acme_1.0_linux_amd64.tar.gz.asc \\\n && curl -fsSLO https://example.org/r/acme_1.0_linux_amd64.tar.gz.sha256 \\\n && curl -fsSLO https://example.org/r/acme-1.0-x86_64-unknown-linux-gnu.tar.gz.sig \\\n && curl -fsSLO https://example.org/r/acme_1.0_SHA256SUMS\n',
    },
    {
      name: 'the vendor ships this generic Linux tarball in its own Alpine image',
      code: 'FROM alpine:3.22\nARG ARCH=amd64\nRUN wget -q https://dl.influxdata.com/telegraf/releases/telegraf-1.30.0_linux_${ARCH}.tar.gz\n',
    },
    {
      name: 'the upstream Go toolchain tarball runs on Alpine',
      code: 'FROM alpine:3.22\nRUN wget -qO- https://dl.google.com/go/go1.24.0.linux-amd64.tar.gz | tar -xz -C /usr/local\n',
    },
    {
      name: 'an Alpine stage whose download only goes into a glibc final stage',
      code: 'FROM alpine:3.22 AS fetch\nRUN wget -q https://example.org/r/acme-1.0-x86_64-unknown-linux-gnu.tar.gz\nFROM debian:12-slim\nCOPY --from=fetch /acme /usr/local/bin/acme\n',
    },
  ],
  invalid: [
    {
      name: 'an Alpine fetch stage feeding an Alpine final stage',
      code: 'FROM alpine:3.22 AS fetch\nRUN wget -q https://example.org/r/acme-1.0-x86_64-unknown-linux-gnu.tar.gz\nFROM alpine:3.22\nCOPY --from=fetch /acme /usr/local/bin/acme\n',
      errors: [{ line: 2, severity: 'error', messageContains: 'linux-gnu' }],
    },
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
      name: 'a generic linux-amd64 build is advice to check (info)',
      code: 'FROM alpine:3.22 AS tools\nRUN curl -fsSL https://example.org/releases/acme-cli_2.1_linux_amd64.tar.gz | tar -xz\nFROM tools\n',
      errors: [
        { line: 2, severity: 'info', messageContains: 'statically linked' },
      ],
    },
    {
      name: 'a manylinux wheel URL, in a heredoc',
      code: 'FROM python:3.12-alpine\nRUN <<EOF\npip install https://example.org/pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.whl\nEOF\n',
      errors: [{ line: 3, severity: 'error', messageContains: 'manylinux' }],
    },
  ],
});
