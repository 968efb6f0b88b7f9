import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl git\n',
    'FROM node:22-alpine3.22\nRUN apk add --no-cache curl\n',
    'FROM alpine\nRUN apk add --no-cache curl=8.5.0-r0 "git~2.45"\n',
    'FROM alpine\nRUN apk add --no-cache $PACKAGES /tmp/local.apk\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-alpine\nRUN apk add --no-cache curl git\n',
      errors: [{ line: 2, messageContains: 'curl, git follow' }],
    },
    {
      code: 'FROM alpine:latest\nRUN apk add --no-cache --virtual .deps gcc=13.2.1-r0 make\n',
      errors: [{ line: 2, messageContains: 'make follow', severity: 'info' }],
    },
  ],
});
