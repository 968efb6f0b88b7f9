import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nCMD ["app", "--serve"]\n',
    'FROM alpine:3.22 AS build\nCMD make\nFROM alpine:3.22\nENTRYPOINT ["/app"]\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-alpine\nCMD node server.js\n',
      errors: [{ line: 2, messageContains: 'CMD in shell form' }],
    },
    {
      code: 'FROM alpine:3.22\nENTRYPOINT /entrypoint.sh\n',
      errors: [{ line: 2, messageContains: 'ENTRYPOINT' }],
    },
  ],
});
