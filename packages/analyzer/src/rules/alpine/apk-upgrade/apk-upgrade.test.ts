import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM debian:12\nRUN apk upgrade\n',
    {
      name: 'a builder stage only copied from: the upgraded packages do not ship',
      code: 'FROM golang:1.24-alpine3.22 AS build\nRUN apk upgrade --no-cache && go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN apk update && apk upgrade && apk add curl\n',
      errors: [{ line: 2, messageContains: 'apk upgrade' }],
    },
    {
      code: 'FROM alpine:3.22\nRUN apk --no-cache upgrade --available\n',
      errors: [{ line: 2 }],
    },
  ],
});
