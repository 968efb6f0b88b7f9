import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.22\nRUN apk --no-cache add curl\n',
    'FROM alpine:3.22\nRUN apk add --update-cache curl && rm -rf /var/cache/apk/*\n',
    'FROM alpine:3.22\nRUN apk add -U curl \\\n && rm -rf /var/cache/apk/* /tmp/*\n',
    'FROM alpine:3.22\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n',
    'FROM alpine:3.22\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n',
    'FROM alpine:3.22\nRUN apk add curl && apk cache clean\n',
    'FROM alpine:3.22\nRUN apk del curl\n',
    'FROM debian:bookworm\nRUN apk add curl\n',
    'FROM alpine:3.22\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    'FROM alpine:3.22\nRUN echo "apk add curl"\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN apk add curl\n',
      errors: [{ line: 2, messageContains: '--no-cache' }],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'continuation lines, finding on the apk line',
      code: 'FROM python:3.12-alpine\nRUN set -eux; \\\n    apk add \\\n      gcc musl-dev\n',
      errors: [{ line: 3 }],
      output:
        'FROM python:3.12-alpine\nRUN set -eux; \\\n    apk add --no-cache \\\n      gcc musl-dev\n',
    },
    {
      name: 'cache mount on another path does not count',
      code: 'FROM alpine:3.22\nRUN --mount=type=cache,target=/var/cache/foo apk add -U curl\n',
      errors: [{ line: 2 }],
      output:
        'FROM alpine:3.22\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl\n',
    },
    {
      name: 'rm in a later RUN does not shrink the earlier layer',
      code: 'FROM alpine:3.22\nRUN apk add -U curl\nRUN rm -rf /var/cache/apk/*\n',
      errors: [{ line: 2 }],
      output:
        'FROM alpine:3.22\nRUN apk add --no-cache -U curl\nRUN rm -rf /var/cache/apk/*\n',
    },
    {
      name: 'two adds in one RUN, inside an if',
      code: 'FROM alpine:3.22\nRUN if [ -n "$DEV" ]; then apk add gdb; fi && apk add curl\n',
      errors: [{ line: 2 }, { line: 2 }],
      output:
        'FROM alpine:3.22\nRUN if [ -n "$DEV" ]; then apk add --no-cache gdb; fi && apk add --no-cache curl\n',
    },
    {
      name: 'ONBUILD',
      code: 'FROM alpine:3.22\nONBUILD RUN apk add curl\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.22\nONBUILD RUN apk add --no-cache curl\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.22\nRUN ["apk", "add", "curl"]\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.22\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
    {
      name: 'exec form through sh -c',
      code: 'FROM alpine:3.22\nRUN ["/bin/sh", "-c", "apk add curl"]\n',
      errors: [{ line: 2 }],
      output:
        'FROM alpine:3.22\nRUN ["/bin/sh", "-c", "apk add --no-cache curl"]\n',
    },
  ],
});
