import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache libstdc++ curl\n',
    'FROM debian:12\nRUN apk add gcompat\n',
    'FROM alpine:3.22\nRUN echo "no glibc here"\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN apk add --no-cache gcompat libstdc++\n',
      errors: [{ line: 2, messageContains: '`gcompat`' }],
    },
    {
      name: 'libc6-compat in a later stage built FROM an Alpine stage',
      code: 'FROM node:22-alpine AS base\nFROM base\nRUN apk add --no-cache libc6-compat\n',
      errors: [{ line: 3, messageContains: '`libc6-compat`' }],
    },
    {
      name: 'sgerrand glibc packages',
      code: 'FROM alpine:3.22\nRUN wget -q -O /etc/apk/keys/sgerrand.rsa.pub https://alpine-pkgs.sgerrand.com/sgerrand.rsa.pub && \\\n    wget -q https://github.com/sgerrand/alpine-pkg-glibc/releases/download/2.35-r1/glibc-2.35-r1.apk && \\\n    apk add glibc-2.35-r1.apk\n',
      errors: [{ line: 2, messageContains: 'side-loaded glibc' }],
    },
  ],
});
