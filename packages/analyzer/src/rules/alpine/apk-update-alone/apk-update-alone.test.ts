import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n',
    'FROM alpine:3.22\nRUN apk update && apk upgrade\n',
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM debian:bookworm\nRUN apk update\n',
    {
      name: 'apk update --no-cache fetches into memory and stores nothing',
      code: 'FROM alpine:3.22\nRUN apk update --no-cache\nRUN apk add --no-cache curl\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN apk update\nRUN apk add curl\n',
      errors: [{ line: 2, messageContains: 'alone' }],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'the next add already has --no-cache',
      code: 'FROM alpine:3.22\nRUN set -e; apk update\nRUN apk add --no-cache curl\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'update with other work: reported, no mechanical fix',
      code: 'FROM alpine:3.22\nRUN apk update && echo done\n',
      errors: [{ line: 2 }],
    },
  ],
});
