import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM debian:12 AS build\nRUN ls /lib64/ld-linux-x86-64.so.2\nFROM alpine:3.22\nCOPY --from=build /out/app /app\n',
    'FROM alpine:3.22\nRUN ls /lib/ld-musl-x86_64.so.1\n',
    'FROM debian:12\nENV LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu\n',
    'FROM alpine:3.22\nENV LD_LIBRARY_PATH=/opt/app/lib\n',
  ],
  invalid: [
    {
      name: 'in the Alpine stage of a multi-stage build only',
      code: 'FROM debian:12 AS build\nRUN ls /lib64/ld-linux-x86-64.so.2\nFROM alpine:3.22 AS base\nFROM base\nRUN ln -s /lib/libc.musl-x86_64.so.1 /lib/ld-linux-aarch64.so.1\n',
      errors: [{ line: 5 }],
    },
    {
      code: 'FROM alpine:3.22\nRUN mkdir /lib64 && ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2\n',
      errors: [{ line: 2, messageContains: 'glibc dynamic loader' }],
    },
    {
      name: 'LD_LIBRARY_PATH to a multiarch directory',
      code: 'FROM node:22-alpine\nENV LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu:/usr/lib\n',
      errors: [{ line: 2, messageContains: 'multiarch' }],
    },
    {
      name: 'the loader copied from the build context',
      code: 'FROM alpine:3.22\nCOPY libs/ld-linux-x86-64.so.2 /lib64/\nCOPY libs/libc.so.6 /lib/\n',
      errors: [{ line: 2 }, { line: 3, messageContains: 'libc.so.6' }],
    },
  ],
});
