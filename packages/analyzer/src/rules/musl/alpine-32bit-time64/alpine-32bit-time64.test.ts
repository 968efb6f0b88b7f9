import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\n',
    'FROM --platform=linux/arm64 alpine:3.22\n',
    'FROM --platform=linux/arm/v7 alpine:3.12\n',
    'FROM --platform=linux/arm/v7 debian:12\n',
  ],
  invalid: [
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
