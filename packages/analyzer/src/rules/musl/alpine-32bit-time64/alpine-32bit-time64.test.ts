import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM --platform=linux/arm/v7 debian:12 AS build\nRUN true\nFROM --platform=linux/arm64 alpine:3.22\nCOPY --from=build /x /x\n',
    'FROM alpine:3.22\n',
    'FROM --platform=linux/arm64 alpine:3.22\n',
    'FROM --platform=linux/arm/v7 alpine:3.12\n',
    'FROM --platform=linux/arm/v7 debian:12\n',
  ],
  invalid: [
    {
      name: 'reported once, on the FROM that names the image',
      code: 'FROM --platform=linux/386 alpine:3.22 AS base\nFROM base\nRUN true\n',
      errors: [{ line: 1, messageContains: 'linux/386' }],
    },
    {
      code: 'FROM --platform=linux/arm/v7 alpine:3.22\n',
      errors: [{ line: 1, severity: 'info', messageContains: 'linux/arm/v7' }],
    },
    {
      name: 'an arm32v7 repository with a bare tag',
      code: 'FROM arm32v7/alpine\nRUN true\n',
      errors: [{ line: 1, messageContains: 'arm32v7' }],
    },
  ],
});
