import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN echo "options ndots:2" >> /etc/resolv.conf\n',
    'FROM debian:12\nRUN echo "options single-request-reopen" >> /etc/resolv.conf\n',
    'FROM alpine:3.22\nRUN echo "rotate logs" > /etc/logrotate.conf\n',
  ],
  invalid: [
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
