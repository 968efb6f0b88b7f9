import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nCOPY config/ /etc/app/\n',
    'FROM alpine:3.22\nADD rootfs.tar.gz /\n',
    'FROM alpine:3.22\nADD https://example.org/tool /usr/local/bin/tool\n',
    'FROM alpine:3.22\nADD git@github.com:org/repo.git /src\n',
    {
      name: 'a quoted local archive is unpacked as wanted',
      code: 'FROM alpine:3.22\nADD "vendor/jre-21.tar.gz" /opt/\n',
    },
    {
      name: 'a quoted URL',
      code: "FROM alpine:3.22\nADD 'https://example.org/releases/tool' /usr/local/bin/tool\n",
    },
    {
      name: 'an archive in the JSON form',
      code: 'FROM alpine:3.22\nADD ["site.tgz", "/srv/www/"]\n',
    },
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
    {
      name: 'a quoted zip (ADD does not unpack zip files)',
      code: 'FROM alpine:3.22\nADD "bundle.zip" /opt/bundle/\n',
      errors: [{ line: 2, messageContains: 'ADD of local bundle.zip' }],
      output: 'FROM alpine:3.22\nCOPY "bundle.zip" /opt/bundle/\n',
    },
  ],
});
