import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'ARG V=3.22\nFROM alpine:${V}\n',
    'FROM alpine:3.22\nUSER app:app\n',
    'FROM alpine:3.22\nARG UID=10001\nUSER ${UID}:${UID}\n',
    'FROM alpine:3.22\nUSER "app"\n',
    'FROM alpine:3.22 AS base\nONBUILD USER app\n',
  ],
  invalid: [
    { code: '', errors: [{ line: 1, messageContains: 'no FROM' }] },
    {
      code: 'RUN echo hi\n',
      errors: [{ line: 1, messageContains: 'no FROM' }],
    },
    {
      code: '# build tools\nRUN echo hi\n',
      errors: [{ line: 2, messageContains: 'no FROM' }],
    },
    {
      code: 'FROM alpine:3.22\nRUN apk add --no-cache \\\n    curl\n    git\n',
      errors: [{ line: 4, messageContains: 'unknown instruction "git"' }],
    },
    {
      code: 'FROM alpine:3.22\nRUN <<EOF\napk add curl\n',
      errors: [{ line: 2, messageContains: 'never closed' }],
    },
    {
      name: 'USER with two words',
      code: 'FROM alpine:3.22\nRUN adduser -S app\nUSER app app\n',
      errors: [{ line: 3, messageContains: 'exactly one argument' }],
    },
    {
      name: 'USER with a trailing comment (Dockerfiles have none)',
      code: 'FROM alpine:3.22\nUSER 10001 # the app user\n',
      errors: [{ line: 2, messageContains: '"10001 # the app user"' }],
    },
    {
      name: 'USER alone',
      code: 'FROM alpine:3.22\nUSER\n',
      errors: [{ line: 2, messageContains: 'USER without a user' }],
    },
    {
      code: 'ENV A=1\nFROM alpine:3.22\n',
      errors: [{ line: 1, messageContains: 'before the first FROM' }],
    },
  ],
});
