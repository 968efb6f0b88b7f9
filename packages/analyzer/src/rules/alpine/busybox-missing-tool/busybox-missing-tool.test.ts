import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    // Alpine told by apk on an image we cannot see: the tool may come with it.
    'FROM base\nRUN apk add --no-cache php83\nRUN curl -fsS https://example.org/app.tgz | tar xz\n',
    'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN apk add --no-cache nginx\nSHELL ["/bin/bash", "-c"]\n',
    // Package lists from shell variables, ENV and ARG defaults are expanded.
    'FROM alpine:3.22\nRUN deps="git" && apk add --no-cache $deps && git clone https://example.org/r.git /src\n',
    'FROM alpine:3.22\nRUN export TOOLS="curl bash"; apk add --no-cache ${TOOLS}; curl -fsS https://example.org | bash\n',
    'FROM alpine:3.22\nARG PACKAGES="git openssh"\nRUN apk add --no-cache $PACKAGES && git --version\n',
    // A list we cannot read may hold the tool: silent rather than a guess.
    'FROM alpine:3.22\nARG EXTRA_PACKAGES\nRUN apk add --no-cache $EXTRA_PACKAGES && git --version\n',
    'FROM alpine:3.22\nRUN apk add --no-cache $(cat /tmp/packages.txt) && bash /setup.sh\n',
    'FROM alpine:3.22\nRUN addgroup -S app && adduser -S -G app app\n',
    'FROM alpine:3.22\nRUN apk add --no-cache bash\nRUN bash -c "echo hi"\n',
    'FROM alpine:3.22 AS base\nRUN apk add --no-cache shadow\nFROM base\nRUN useradd app\n',
    'FROM php:8.3-fpm-alpine\nRUN curl -fsSL https://example.org -o /tmp/x\n',
    'FROM mycorp/base:1.0-alpine\nRUN bash /setup.sh\n',
    // A locally built image named without a namespace is no official image,
    // even when an ARG default gives it an -alpine tag.
    'ARG BUILD_BASE=team-build-base:alpine-2.1\nFROM ${BUILD_BASE} AS builder\nRUN apk add --no-cache make && git clone https://example.org/src.git\n',
    'FROM team-build-base:alpine-2.1\nRUN curl -fsS https://example.org/tool.tgz | tar xz\n',
    'FROM debian:12\nRUN useradd app\n',
    'FROM alpine:3.22\nRUN apk add --no-cache curl && curl -fsS https://example.org\n',
    'FROM alpine:3.22\nRUN apk add --no-cache bash\nRUN <<EOF\n#!/usr/bin/env bash\necho hi\nEOF\n',
    'FROM alpine:3.22\nRUN <<EOF\n#!/usr/bin/env python3\nimport sudo\nEOF\n',
    'FROM alpine:3.22\nRUN apk add --no-cache bash\nENTRYPOINT ["/bin/bash"]\n',
    {
      name: 'a SHELL nothing runs breaks no build',
      code: 'FROM alpine:3.22\nCOPY nginx /usr/local/nginx\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nCMD ["/usr/local/nginx/sbin/nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'a program the image built into /usr/local/bin itself',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps g++ make openssl-dev \\\n && wget https://example.org/curl.tar.gz && tar xzf curl.tar.gz \\\n && cd curl && ./configure && make && make install \\\n && apk del .build-deps\nENTRYPOINT ["/usr/local/bin/curl"]\n',
    },
    'FROM alpine:3.22\nCOPY --from=tools /opt/git/bin/git /opt/git/bin/git\nRUN /opt/git/bin/git clone https://example.org/r.git /src\n',
    {
      name: 'alpine-sdk depends on git',
      code: 'FROM alpine:3.23\nRUN apk add --update alpine-sdk && git clone https://example.org/packager.git\n',
    },
    {
      name: "nginx's Alpine images ship curl",
      code: 'FROM nginx:alpine\nRUN curl -sSL https://example.org/site.zip | busybox unzip -\n',
    },
  ],
  invalid: [
    {
      name: 'the expanded list does not hold the tool',
      code: 'FROM alpine:3.22\nRUN deps="curl" && apk add --no-cache $deps && git clone https://example.org/r.git /src\n',
      errors: [{ line: 2, messageContains: '`git`' }],
    },
    {
      code: 'FROM node:22-alpine\nRUN groupadd -r app && useradd -r -g app app\n',
      errors: [
        { line: 2, messageContains: '`groupadd`' },
        { line: 2, messageContains: 'addgroup' },
      ],
    },
    {
      code: 'FROM alpine:3.22\nSHELL ["/bin/bash", "-c"]\nRUN mkdir -p /srv\n',
      errors: [{ line: 2, messageContains: 'apk add --no-cache bash' }],
    },
    {
      name: 'a SHELL run by a stage built FROM this one',
      code: 'FROM alpine:3.22 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN mkdir -p /srv\n',
      errors: [{ line: 2, messageContains: 'bash' }],
    },
    {
      name: "nginx's -alpine-slim images do not ship curl",
      code: 'FROM nginx:1.27-alpine-slim\nRUN curl -fsSL https://example.org/site.tgz -o /tmp/site.tgz\n',
      errors: [{ line: 2, messageContains: 'curl' }],
    },
    {
      name: 'a system path still names the missing tool',
      code: 'FROM alpine:3.22\nRUN /usr/bin/git clone https://example.org/r.git /src\n',
      errors: [{ line: 2, messageContains: 'git' }],
    },
    {
      code: 'FROM alpine:3.22\nRUN locale-gen en_US.UTF-8\n',
      errors: [{ line: 2, messageContains: 'no Alpine package' }],
    },
    {
      code: 'FROM golang:1.22-alpine\nRUN git clone https://example.org/repo.git\n',
      errors: [{ line: 2, messageContains: 'git' }],
    },
    {
      code: 'FROM python:3.12-alpine\nENTRYPOINT ["/bin/bash", "/entrypoint.sh"]\n',
      errors: [{ line: 2, messageContains: 'bash' }],
    },
    {
      code: 'FROM alpine:3.22\nRUN curl -fsSL https://example.org/x | sh\n',
      errors: [{ line: 2, messageContains: 'wget' }],
    },
    {
      name: 'installed only after the use',
      code: "FROM alpine:3.22\nRUN bash -c 'mkdir -p /opt/app'\nRUN apk add --no-cache bash\n",
      errors: [{ line: 2, messageContains: 'bash' }],
    },
    {
      name: 'a heredoc with a bash shebang',
      code: 'FROM alpine:3.22\nRUN <<EOF\n#!/bin/bash\nset -euo pipefail\nmkdir -p /srv\nEOF\n',
      errors: [{ line: 3, messageContains: 'bash' }],
    },
  ],
});
