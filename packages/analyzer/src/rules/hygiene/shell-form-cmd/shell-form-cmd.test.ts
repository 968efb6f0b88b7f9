import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nCMD ["app", "--serve"]\n',
    'FROM alpine:3.22 AS build\nCMD make\nFROM alpine:3.22\nENTRYPOINT ["/app"]\n',
    {
      name: 'an empty JSON array clears the inherited command',
      code: 'FROM docker:29-dind\nENTRYPOINT ["dockerd-entrypoint.sh"]\nCMD []\n',
    },
    'FROM alpine:3.22\nENTRYPOINT [ ]\nCMD ["sh"]\n',
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
