import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc && make && apk del .build-deps\n',
    'FROM alpine:3.22\nRUN set -eux; apk add --no-cache -t .deps gcc; make; apk del --no-network .deps\n',
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual=.fetch wget \\\n && wget x && apk del .fetch\n',
    'FROM debian:12\nRUN apk add --virtual .deps gcc\n',
    {
      name: 'a group named for run time is meant to ship (official-image idiom)',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && make install \\\n && apk add --no-cache --virtual .myapp-rundeps libgcc libstdc++ \\\n && apk del --no-network .build-deps\n',
    },
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual .erlang-run-deps ncurses-libs\n',
    'FROM alpine:3.22\nRUN apk add --no-cache -t .shop-phpexts-rundeps icu-libs libzip\n',
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual=.tool-so-deps so:libssl.so.3\n',
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual .persistent-deps ca-certificates\n',
    {
      name: 'a builder stage only copied from: its packages never ship',
      code: 'FROM alpine:3.22 AS build\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev make && make -C /src\nFROM alpine:3.22\nCOPY --from=build /src/app /usr/local/bin/app\n',
    },
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
      errors: [
        { line: 2, messageContains: 'never deleted: its build packages' },
      ],
    },
    {
      name: 'a group whose name says nothing is still reported, with a hint',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .extras gcc\n',
      errors: [{ line: 2, messageContains: 'e.g. `.app-rundeps`' }],
    },
    {
      name: 'a run-time group deleted in a later RUN still costs the layer',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .app-rundeps libpq\nRUN apk del .app-rundeps\n',
      errors: [{ line: 2, messageContains: 'later RUN (line 3)' }],
      output:
        'FROM alpine:3.22\nRUN apk add --no-cache --virtual .app-rundeps libpq && apk del .app-rundeps\n',
    },
    {
      name: 'later delete mixed with other work: reported without a fix',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache -t .deps gcc\nRUN make && apk del .deps\n',
      errors: [{ line: 2, messageContains: 'later RUN' }],
    },
  ],
});
