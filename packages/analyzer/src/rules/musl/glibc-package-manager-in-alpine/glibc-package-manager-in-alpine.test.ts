import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y build-essential\nFROM alpine:3.22\nCOPY --from=build /out/app /app\n',
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    'FROM alpine:3.22\nRUN apk add --no-cache dpkg && dpkg --print-architecture\n',
    'FROM alpine:3.22\nRUN apk add --no-cache rpm && rpm -qp --queryformat "%{VERSION}" /tmp/x.rpm\n',
    'FROM alpine:3.22\nRUN echo "apt-get is not here"\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-alpine\nRUN apt-get update && apt-get install -y build-essential\n',
      errors: [
        { line: 2, messageContains: '`apt-get update`: `apt-get`' },
        { line: 2, messageContains: '`apt-get install`: `apt-get`' },
      ],
    },
    {
      name: 'rpm without the package',
      code: 'FROM alpine:3.22\nRUN rpm -qa | sort\n',
      errors: [
        { line: 2, messageContains: '`rpm` is not installed on Alpine' },
      ],
    },
    {
      name: 'dpkg without the package',

      code: 'FROM node:22-alpine\nRUN ARCH="$(dpkg --print-architecture)" && echo $ARCH\n',
      errors: [{ line: 2, messageContains: 'apk --print-arch' }],
    },
    {
      name: 'dpkg -i even with dpkg installed, and yum in a later stage built FROM an Alpine stage',
      code: 'FROM alpine:3.22 AS base\nRUN apk add --no-cache dpkg && dpkg -i /tmp/acme.deb\nFROM base\nRUN yum install -y acme\n',
      errors: [
        { line: 2, messageContains: 'built for glibc' },
        { line: 4, messageContains: '`yum`' },
      ],
    },
    {
      name: 'rpm2cpio unpacks an rpm like dpkg -x',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache rpm && cd / && rpm2cpio /tmp/agent.rpm | cpio -idm\n',
      errors: [{ line: 2, messageContains: '`rpm2cpio` unpacks' }],
    },
    {
      name: 'rpm -ivh',
      code: 'FROM alpine:3.22\nRUN rpm -ivh /tmp/acme.rpm\n',
      errors: [{ line: 2, messageContains: 'built for glibc' }],
    },
  ],
});
