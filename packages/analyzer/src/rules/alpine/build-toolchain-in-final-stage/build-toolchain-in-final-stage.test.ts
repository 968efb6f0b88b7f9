import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22 AS build\nRUN apk add --no-cache build-base\nFROM alpine:3.22\nCOPY --from=build /out /app\n',
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps\n',
    'FROM alpine:3.22\nRUN apk add --no-cache gcc && make && apk del gcc\n',
    'FROM alpine:3.22\nRUN apk add --no-cache libffi openssl\n',
    'FROM debian:12\nRUN apk add build-base\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache build-base libffi-dev curl\n',
      errors: [{ line: 2, messageContains: 'build-base, libffi-dev' }],
    },
    {
      name: 'packages listed in an ENV variable',
      code: 'FROM alpine:3.22\nENV BUILD_DEPS="gcc musl-dev make" RUNTIME_DEPS="libffi"\nRUN apk add --no-cache $BUILD_DEPS $RUNTIME_DEPS\n',
      errors: [{ line: 3, messageContains: 'gcc, musl-dev, make' }],
    },
    {
      name: 'inherited through FROM <stage>',
      code: 'FROM alpine:3.22 AS base\nRUN apk add --no-cache gcc\nFROM base\nCMD ["app"]\n',
      errors: [{ line: 2, messageContains: 'gcc' }],
    },
  ],
});
