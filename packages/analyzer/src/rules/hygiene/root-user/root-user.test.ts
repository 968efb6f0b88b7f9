import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN adduser -S app\nUSER app\n',
    'FROM alpine:3.22 AS base\nUSER 10001\nFROM base\nCMD ["app"]\n',
    'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\n',
    'FROM gcr.io/distroless/static-debian12:nonroot\n',
    'FROM alpine:3.22\nUSER root\nRUN apk add --no-cache curl\nUSER app\n',
    {
      name: 'a file that does not parse',
      code: 'FROM alpine:3.22\nRUN <<EOF\napk add curl\nUSER app\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nCMD ["app"]\n',
      errors: [{ line: 1, messageContains: 'sets no USER' }],
    },
    {
      code: 'FROM alpine:3.22\nUSER app\nRUN x\nUSER root\n',
      errors: [{ line: 4, messageContains: 'is root' }],
    },
    {
      code: 'FROM node:22-alpine AS build\nUSER node\nFROM alpine:3.22\n',
      errors: [{ line: 3 }],
    },
  ],
});
