import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\n',
    'FROM golang:1.22 AS build\nFROM alpine:3.22\nCOPY --from=build /out /app\n',
    'FROM python:3.12-alpine AS base\nFROM base\n',
    '',
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\n',
      errors: [{ line: 1, messageContains: 'debian:bookworm-slim (debian)' }],
    },
    {
      code: 'FROM golang:1.22 AS build\nFROM scratch\n',
      errors: [{ line: 1, messageContains: 'scratch (scratch)' }],
    },
    // The imageless FROM is reported by parse-error; this message names no empty base.
    {
      code: 'FROM\n',
      errors: [
        { line: 1, messageContains: 'no stage is based on Alpine: only' },
      ],
    },
  ],
});
