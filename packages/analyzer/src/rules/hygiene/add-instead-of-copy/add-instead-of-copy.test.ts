import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nCOPY config/ /etc/app/\n',
    'FROM alpine:3.22\nADD rootfs.tar.gz /\n',
    'FROM alpine:3.22\nADD https://example.org/tool /usr/local/bin/tool\n',
    'FROM alpine:3.22\nADD git@github.com:org/repo.git /src\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nADD config/ /etc/app/\n',
      errors: [{ line: 2, messageContains: 'use COPY' }],
      output: 'FROM alpine:3.22\nCOPY config/ /etc/app/\n',
    },
    {
      code: 'FROM alpine:3.22\nadd --chown=app:app app.py /app/\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.22\nCOPY --chown=app:app app.py /app/\n',
    },
  ],
});
