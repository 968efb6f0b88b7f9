import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'ARG V=3.22\nFROM alpine:${V}\n',
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
      code: 'ENV A=1\nFROM alpine:3.22\n',
      errors: [{ line: 1, messageContains: 'before the first FROM' }],
    },
  ],
});
