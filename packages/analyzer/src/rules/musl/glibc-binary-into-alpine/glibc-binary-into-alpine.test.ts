import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22 AS build\nRUN apk add --no-cache build-base && gcc -o /out/app main.c\nFROM alpine:3.22\nCOPY --from=build /out/app /usr/local/bin/app\n',
    'FROM gcc:14 AS build\nRUN gcc -static -o /out/app main.c\nFROM alpine:3.22\nCOPY --from=build /out/app /usr/local/bin/app\n',
    'FROM debian:12 AS build\nRUN echo x > /app/config.yaml\nFROM alpine:3.22\nCOPY --from=build /app/config.yaml /etc/app/config.yaml\n',
    'FROM alpine:3.22\nCOPY --from=debian:12 /etc/ssl/certs /etc/ssl/certs\n',
    'FROM alpine:3.22\nCOPY --from=golang:1.23 /usr/local/go /usr/local/go\n',
    'FROM alpine:3.22\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\n',
    'FROM alpine:3.22\nCOPY --from=bitnami/kubectl:1.33 /opt/bitnami/kubectl/bin/kubectl /usr/local/bin/\n',
    'FROM debian:12 AS fetch\nRUN curl -fsSLo /tini https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64\nFROM alpine:3.22\nCOPY --from=fetch /tini /sbin/tini\n',
    'FROM gcc:14 AS build\nRUN gcc -o /out/app main.c\nFROM debian:12-slim\nCOPY --from=build /out/app /usr/local/bin/app\n',
    'FROM node:22 AS build\nWORKDIR /app\nRUN npm ci\nFROM node:22-alpine\nCOPY --from=build /app/node_modules ./node_modules\n',
    'FROM alpine:3.22\nCOPY --from=gcr.io/distroless/static-debian12 /etc/passwd /etc/passwd\n',
    'FROM debian:12 AS build\nRUN make docs\nFROM alpine:3.22\nRUN --mount=type=bind,from=build,source=/src/site,target=/mnt/site cp -r /mnt/site/index.html /srv/\n',
    'FROM debian:12 AS build\nRUN true\nFROM alpine:3.22\nRUN --mount=type=cache,target=/root/.cache cp /etc/hosts /tmp/hosts\n',
    'FROM mycorp/builder:1.0 AS build\nRUN make install\nFROM alpine:3.22\nCOPY --from=build /usr/local/bin/tool /usr/local/bin/tool\n',
    {
      name: 'a Go stage whose ENV turns cgo off builds static binaries, through a script too (syncthing)',
      code: 'FROM golang:1.26 AS builder\nWORKDIR /src\nCOPY . .\nENV CGO_ENABLED=0\nRUN go run build.go -no-upgrade build syncthing\nFROM alpine:3.22\nCOPY --from=builder /src/syncthing /bin/syncthing\nENTRYPOINT ["/bin/syncthing"]\n',
    },
  ],
  invalid: [
    {
      name: 'a Go stage that builds through make: cgo unknown, a warning to check',
      code: 'FROM golang:1.24 AS build\nWORKDIR /src\nCOPY . .\nRUN make build-agent\nFROM alpine:3.22\nCOPY --from=build /src/dist/agent /bin/agent\nENTRYPOINT ["/bin/agent"]\n',
      errors: [
        {
          line: 6,
          severity: 'info',
          messageContains: 'built without a visible `go build` (`make`)',
        },
      ],
    },
    {
      name: 'compiler output from a gcc stage',
      code: 'FROM gcc:14 AS build\nRUN gcc -O2 -o /out/server server.c\nFROM alpine:3.22\nCOPY --from=build /out/server /srv/server\n',
      errors: [{ line: 4, messageContains: '`/out/server`' }],
    },
    {
      name: 'an interpreter from an external glibc image',
      code: 'FROM python:3.12-alpine\nCOPY --from=python:3.12-slim /usr/local/bin/python3.12 /usr/local/bin/\n',
      errors: [{ line: 2, messageContains: 'image `python:3.12-slim`' }],
    },
    {
      name: 'the node binary of the Debian-based node image',
      code: 'FROM alpine:3.22\nCOPY --from=node:22 /usr/local/bin/node /usr/local/bin/node\n',
      errors: [{ line: 2, messageContains: 'image `node:22`' }],
    },
    {
      name: 'shared libraries from a multiarch directory, with several COPY flags',
      code: 'FROM debian:12 AS libs\nRUN true\nFROM alpine:3.22\nCOPY --chown=app --from=libs /usr/lib/x86_64-linux-gnu/libssl.so.3 /usr/lib/\n',
      errors: [{ line: 4, messageContains: 'libssl.so.3' }],
    },
    {
      name: 'make install prefix through a chain of stages, base image from an ARG',
      code: 'ARG BASE=debian:12\nFROM ${BASE} AS base\nRUN make install\nFROM base AS build\nRUN true\nFROM alpine:3.22\nCOPY --from=build /usr/local /usr/local\n',
      errors: [{ line: 7, messageContains: 'stage `build`' }],
    },
    {
      name: 'anything copied into a bin directory from a glibc stage',
      code: 'FROM ubuntu:24.04 AS tools\nRUN curl -fsSLo /opt/acme https://example.org/acme\nFROM node:22-alpine3.22\nCOPY --from=tools /opt/acme /usr/local/bin/acme\n',
      errors: [{ line: 4 }],
    },
    {
      name: 'installed from a bind mount of a glibc stage',
      code: 'FROM debian:12 AS build\nRUN make release\nFROM alpine:3.22\nRUN --mount=type=bind,from=build,source=/src/out,target=/mnt/out \\\n    install -m 0755 /mnt/out/edge-cache /usr/local/bin/edge-cache\n',
      errors: [
        {
          line: 4,
          messageContains: '`/src/out/edge-cache` installed from a bind mount',
        },
      ],
    },
    {
      name: 'two edges, one reported',
      code: 'FROM gcc:14 AS build\nRUN gcc -o /out/a a.c\nFROM alpine:3.22\nCOPY --from=build /out/a.txt /a.txt\nCOPY --from=build /out/a /a\n',
      errors: [{ line: 5 }],
    },
  ],
});
