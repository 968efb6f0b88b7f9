import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.22\nRUN apk --no-cache add curl\n',
    'FROM alpine:3.22\nRUN apk add --update-cache curl && rm -rf /var/cache/apk/*\n',
    'FROM alpine:3.22\nRUN apk add -U curl \\\n && rm -rf /var/cache/apk/* /tmp/*\n',
    'FROM alpine:3.22\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n',
    'FROM alpine:3.22\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n',
    'FROM alpine:3.22\nRUN apk add curl && apk cache clean\n',
    'FROM alpine:3.22\nRUN apk del curl\n',
    'FROM debian:bookworm\nRUN apk add curl\n',
    'FROM alpine:3.22\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    'FROM alpine:3.22\nRUN echo "apk add curl"\n',
    'FROM alpine:3.22\nRUN apk update && apk add --no-cache curl && rm -rf /var/cache/apk/*\n',
    {
      name: 'apk update --no-cache fetches the index into memory and stores nothing',
      code: 'FROM alpine:3.22\nRUN apk update --no-cache && \\\n    apk upgrade --no-cache && \\\n    apk add --no-cache openssl\n',
    },
    'FROM alpine:3.22\nRUN apk --no-cache update && apk --no-cache upgrade\n',
    {
      name: 'apk del does not fetch an index',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .deps gcc && apk del .deps\n',
    },
    {
      name: "apk upgrade after an earlier RUN left an index reuses it (that RUN is apk-update-alone's finding)",
      code: 'FROM alpine:3.22\nRUN apk update\nRUN apk upgrade\n',
    },
    {
      name: "apk update in its own RUN is apk-update-alone's finding",
      code: 'FROM alpine:3.22\nRUN apk update\nRUN apk add --no-cache curl\n',
    },
  ],
  invalid: [
    {
      name: 'apk update keeps its index even when apk add has --no-cache',
      code: 'FROM alpine:3.22\nRUN apk update && apk add --no-cache curl\n',
      errors: [
        {
          line: 2,
          messageContains: '`apk update` stores the package index',
        },
      ],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'apk -U upgrade fetches the index into the cache like apk update',
      code: 'FROM alpine:3.18\nRUN apk -U upgrade \\\n    && apk add --no-cache openssl ca-certificates\n',
      errors: [
        {
          line: 2,
          messageContains:
            '`apk -U upgrade` without `--no-cache` leaves the package index in the layer',
        },
      ],
      output:
        'FROM alpine:3.18\nRUN apk -U upgrade --no-cache \\\n    && apk add --no-cache openssl ca-certificates\n',
    },
    {
      name: 'apk upgrade without -U still fetches a missing index',
      code: 'FROM alpine:3.22\nRUN apk upgrade && apk add --no-cache curl\n',
      errors: [{ line: 2, messageContains: '`apk upgrade` without' }],
      output:
        'FROM alpine:3.22\nRUN apk upgrade --no-cache && apk add --no-cache curl\n',
    },
    {
      name: 'apk -U upgrade fetches again even after an earlier apk update',
      code: 'FROM alpine:3.22\nRUN apk update\nRUN apk -U upgrade\n',
      errors: [{ line: 3, messageContains: '`apk -U upgrade` without' }],
      output:
        'FROM alpine:3.22\nRUN apk update\nRUN apk -U upgrade --no-cache\n',
    },
    {
      name: 'apk update then apk upgrade: one finding, the update dropped and the upgrade fetching its own',
      code: 'FROM alpine:3.22\nRUN apk update && apk upgrade\n',
      errors: [
        {
          line: 2,
          messageContains:
            '`apk upgrade` without `--no-cache` after `apk update`',
        },
      ],
      output: 'FROM alpine:3.22\nRUN apk upgrade --no-cache\n',
    },
    {
      name: 'apk update --no-cache beside an add without it: the add is the finding',
      code: 'FROM alpine:3.22\nRUN apk update --no-cache && apk add curl\n',
      errors: [
        {
          line: 2,
          messageContains: '`apk add curl` without `--no-cache` leaves',
        },
      ],
      output:
        'FROM alpine:3.22\nRUN apk update --no-cache && apk add --no-cache curl\n',
    },
    {
      name: 'apk update then apk add: one finding, fixed by dropping the update',
      code: 'FROM alpine:3.22\nRUN apk update && apk add curl\n',
      errors: [
        {
          line: 2,
          messageContains:
            '`apk add curl` without `--no-cache` after `apk update`',
        },
      ],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'update on its own continuation line, set -eux list',
      code: 'FROM alpine:3.22\nRUN set -eux; \\\n    apk update; \\\n    apk add --no-cache git openssh-client\n',
      errors: [{ line: 3 }],
      output:
        'FROM alpine:3.22\nRUN set -eux; \\\n    apk add --no-cache git openssh-client\n',
    },
    {
      name: 'update joined by || cannot be dropped mechanically',
      code: 'FROM alpine:3.22\nRUN apk update || true && apk add --no-cache curl\n',
      errors: [{ line: 2, messageContains: '`apk update`' }],
    },
    {
      name: 'an image the catalog does not know, Alpine by its apk',
      code: 'FROM registry.example.com/platform/base:2\nRUN apk add curl\n',
      errors: [{ line: 2, messageContains: '--no-cache' }],
      output:
        'FROM registry.example.com/platform/base:2\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'a community Alpine image, and a stage built FROM an unknown stage that runs apk',
      code: 'FROM mhart/alpine-node:16 AS base\nWORKDIR /app\nFROM base\nRUN apk add git\n',
      errors: [{ line: 4 }],
      output:
        'FROM mhart/alpine-node:16 AS base\nWORKDIR /app\nFROM base\nRUN apk add --no-cache git\n',
    },
    {
      code: 'FROM alpine:3.22\nRUN apk add curl\n',
      errors: [
        { line: 2, messageContains: '`apk add curl` without `--no-cache`' },
      ],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'continuation lines, finding on the apk line',
      code: 'FROM python:3.12-alpine\nRUN set -eux; \\\n    apk add \\\n      gcc musl-dev\n',
      errors: [{ line: 3 }],
      output:
        'FROM python:3.12-alpine\nRUN set -eux; \\\n    apk add --no-cache \\\n      gcc musl-dev\n',
    },
    {
      name: 'cache mount on another path does not count',
      code: 'FROM alpine:3.22\nRUN --mount=type=cache,target=/var/cache/foo apk add -U curl\n',
      errors: [{ line: 2 }],
      output:
        'FROM alpine:3.22\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl\n',
    },
    {
      name: 'rm in a later RUN does not shrink the earlier layer',
      code: 'FROM alpine:3.22\nRUN apk add -U curl\nRUN rm -rf /var/cache/apk/*\n',
      errors: [{ line: 2 }],
      output:
        'FROM alpine:3.22\nRUN apk add --no-cache -U curl\nRUN rm -rf /var/cache/apk/*\n',
    },
    {
      name: 'a builder stage only copied from: advice, the image does not ship the index',
      code: 'FROM golang:1.24-alpine3.22 AS build\nRUN apk add git\nFROM alpine:3.22\nCOPY --from=build /go/bin/app /app\n',
      errors: [
        { line: 2, severity: 'info', messageContains: 'does not ship it' },
      ],
      output:
        'FROM golang:1.24-alpine3.22 AS build\nRUN apk add --no-cache git\nFROM alpine:3.22\nCOPY --from=build /go/bin/app /app\n',
    },
    {
      name: 'apk update then apk add in a builder stage: advice, said whole',
      code: 'FROM golang:1.24-alpine3.22 AS build\nRUN apk update && apk add git\nFROM alpine:3.22\nCOPY --from=build /go/bin/app /app\n',
      errors: [
        {
          line: 2,
          severity: 'info',
          messageContains:
            '`apk add git` without `--no-cache` after `apk update`: the package index stays in this layer of this builder stage (the image does not ship it)',
        },
      ],
      output:
        'FROM golang:1.24-alpine3.22 AS build\nRUN apk add --no-cache git\nFROM alpine:3.22\nCOPY --from=build /go/bin/app /app\n',
    },
    {
      name: 'a package list from a variable is named as written, once',

      code: 'FROM alpine:3.22\nENV TOOLS="curl git jq"\nRUN apk add $TOOLS\n',
      errors: [{ line: 3, messageContains: '`apk add $TOOLS` without' }],
      output:
        'FROM alpine:3.22\nENV TOOLS="curl git jq"\nRUN apk add --no-cache $TOOLS\n',
    },
    {
      name: 'two adds in one RUN, inside an if: each finding names its command',
      code: 'FROM alpine:3.22\nRUN if [ -n "$DEV" ]; then apk add gdb; fi && apk add curl\n',
      errors: [
        { line: 2, messageContains: '`apk add gdb`' },
        { line: 2, messageContains: '`apk add curl`' },
      ],
      output:
        'FROM alpine:3.22\nRUN if [ -n "$DEV" ]; then apk add --no-cache gdb; fi && apk add --no-cache curl\n',
    },
    {
      name: 'ONBUILD',
      code: 'FROM alpine:3.22\nONBUILD RUN apk add curl\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.22\nONBUILD RUN apk add --no-cache curl\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.22\nRUN ["apk", "add", "curl"]\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.22\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
    {
      name: 'exec form through sh -c',
      code: 'FROM alpine:3.22\nRUN ["/bin/sh", "-c", "apk add curl"]\n',
      errors: [{ line: 2 }],
      output:
        'FROM alpine:3.22\nRUN ["/bin/sh", "-c", "apk add --no-cache curl"]\n',
    },
  ],
});
