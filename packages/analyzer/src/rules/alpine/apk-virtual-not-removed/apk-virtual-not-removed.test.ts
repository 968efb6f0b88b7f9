import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc && make && apk del .build-deps\n',
    'FROM alpine:3.22\nRUN set -eux; apk add --no-cache -t .deps gcc; make; apk del --no-network .deps\n',
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual=.fetch wget \\\n && wget x && apk del .fetch\n',
    'FROM debian:12\nRUN apk add --virtual .deps gcc\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc && make\nRUN apk del .build-deps\n',
      errors: [{ line: 2, messageContains: 'later RUN (line 3)' }],
      output:
        'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc && make && apk del .build-deps\n',
    },
    {
      code: 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc \\\n && make\n',
      errors: [{ line: 2, messageContains: 'never deleted' }],
    },
    {
      name: 'later delete mixed with other work: reported without a fix',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache -t .deps gcc\nRUN make && apk del .deps\n',
      errors: [{ line: 2, messageContains: 'later RUN' }],
    },
  ],
});
