import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl git\n',
    'FROM node:22-alpine3.22\nRUN apk add --no-cache curl\n',
    'FROM alpine\nRUN apk add --no-cache curl=8.5.0-r0 "git~2.45"\n',
    'FROM alpine\nRUN apk add --no-cache $PACKAGES /tmp/local.apk\n',
    {
      name: 'a digest pins the image, and the Alpine release with it',
      code: 'FROM node:22-alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'a digest on the image of a parent stage',
      code: 'FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS base\nFROM base\nRUN apk add --no-cache curl\n',
    },
  ],
  invalid: [
    {
      code: 'FROM node:22-alpine\nRUN apk add --no-cache curl git\n',
      errors: [{ line: 2, messageContains: 'curl, git follow' }],
    },
    {
      code: 'FROM alpine:latest\nRUN apk add --no-cache --virtual .deps gcc=13.2.1-r0 make\n',
      errors: [{ line: 2, messageContains: 'make follows', severity: 'info' }],
    },
    {
      name: 'names the image, not the stage it is built from',
      code: 'FROM alpine:latest AS base\nFROM base AS app\nRUN apk add --no-cache tini\n',
      errors: [
        {
          line: 3,
          messageContains: 'tini follows whatever Alpine release alpine:latest',
        },
      ],
    },
  ],
});
