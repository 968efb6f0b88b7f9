import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM debian:12 AS build\nRUN echo "options rotate" >> /etc/resolv.conf\nFROM alpine:3.22\nCOPY --from=build /x /x\n',
    'FROM alpine:3.22\nRUN echo "options ndots:2" >> /etc/resolv.conf\n',
    'FROM debian:12\nRUN echo "options single-request-reopen" >> /etc/resolv.conf\n',
    'FROM alpine:3.22\nRUN echo "rotate logs" > /etc/logrotate.conf\n',
  ],
  invalid: [
    {
      name: 'in a stage built FROM an Alpine stage',
      code: 'FROM alpine:3.22 AS base\nFROM base\nRUN printf "options use-vc\\n" >> /etc/resolv.conf\n',
      errors: [{ line: 3, messageContains: '`use-vc`' }],
    },
    {
      code: 'FROM alpine:3.22\nRUN echo "options single-request-reopen" >> /etc/resolv.conf\n',
      errors: [{ line: 2, messageContains: '`single-request-reopen`' }],
    },
    {
      name: 'sed on resolv.conf',
      code: "FROM node:22-alpine\nRUN sed -i '$a options rotate' /etc/resolv.conf\n",
      errors: [{ line: 2, messageContains: '`rotate`' }],
    },
  ],
});
