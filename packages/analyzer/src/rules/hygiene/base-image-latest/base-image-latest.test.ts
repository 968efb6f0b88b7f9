import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\n',
    'FROM alpine:latest@sha256:0123456789abcdef\n',
    'FROM alpine\n',
    'FROM alpine:3.22 AS latest\nFROM latest\n',
  ],
  invalid: [
    {
      code: 'FROM node:latest\n',
      errors: [{ line: 1, messageContains: 'node:latest' }],
    },
    {
      code: 'ARG TAG=latest\nFROM alpine:${TAG} AS base\n',
      errors: [{ line: 2, messageContains: 'resolves to alpine:latest' }],
    },
  ],
});
