import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM ubuntu:24.04\nRUN apk add --allow-untrusted x.apk\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN apk add --allow-untrusted /tmp/glibc-2.35-r1.apk\n',
      errors: [{ line: 2, messageContains: 'signature' }],
    },
    {
      code: 'FROM alpine:3.22\nRUN wget -q x.apk && \\\n    apk add --no-cache --allow-untrusted x.apk\n',
      errors: [{ line: 3 }],
    },
  ],
});
