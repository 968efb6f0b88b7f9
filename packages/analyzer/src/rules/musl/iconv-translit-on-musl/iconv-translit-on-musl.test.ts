import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM debian:12 AS build\nRUN iconv -f utf-8 -t ascii//TRANSLIT a > b\nFROM alpine:3.22\nCOPY --from=build /b /b\n',
    'FROM alpine:3.22\nRUN apk add --no-cache php83 php83-iconv gnu-libiconv\n',
    'FROM alpine:3.22\nENV LD_PRELOAD=/usr/lib/preloadable_libiconv.so\nRUN iconv -f utf-8 -t ascii//TRANSLIT in.txt\n',
    'FROM php:8.3-fpm-alpine\nRUN apk add --no-cache php83-iconv\n',
    'FROM debian:12\nRUN iconv -f utf-8 -t ascii//TRANSLIT in.txt\n',
    'FROM alpine:3.22\nRUN iconv -f latin1 -t utf-8 in.txt > out.txt\n',
  ],
  invalid: [
    {
      name: '//IGNORE in a stage built FROM an Alpine stage',
      code: 'FROM alpine:3.22 AS base\nFROM base\nRUN iconv -c -f utf-8 -t latin1//IGNORE in.txt > out.txt\n',
      errors: [{ line: 3, messageContains: '//IGNORE' }],
    },
    {
      code: 'FROM alpine:3.22\nRUN apk add --no-cache php83 php83-iconv\n',
      errors: [{ line: 2, messageContains: '`php83-iconv`' }],
    },
    {
      name: 'transliteration in a script step',
      code: 'FROM alpine:3.22\nRUN iconv -f utf-8 -t ascii//TRANSLIT names.txt > slugs.txt\n',
      errors: [{ line: 2, messageContains: '//TRANSLIT' }],
    },
  ],
});
