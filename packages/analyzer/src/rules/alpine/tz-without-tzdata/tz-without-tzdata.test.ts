import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache tzdata\nENV TZ=Europe/Berlin\n',
    'FROM alpine:3.22\nENV TZ=UTC\n',
    'FROM alpine:3.22\nENV TZ=Etc/UTC\n',
    'FROM debian:12\nENV TZ=Europe/Berlin\n',
    'FROM alpine:3.22\nENV TZ=Europe/Berlin\nRUN apk add --no-cache tzdata\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nENV TZ=Europe/Berlin\n',
      errors: [{ line: 2, messageContains: 'TZ=Europe/Berlin' }],
    },
    {
      code: 'FROM node:22-alpine\nENV LANG=C.UTF-8 TZ="Asia/Tokyo"\n',
      errors: [{ line: 2 }],
    },
    {
      code: 'FROM alpine:3.22\nRUN ln -sf /usr/share/zoneinfo/Europe/Paris /etc/localtime\n',
      errors: [
        { line: 2, messageContains: '/usr/share/zoneinfo/Europe/Paris' },
      ],
    },
  ],
});
