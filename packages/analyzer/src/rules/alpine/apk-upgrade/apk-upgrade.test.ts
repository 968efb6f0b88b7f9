import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM debian:12\nRUN apk upgrade\n',
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
