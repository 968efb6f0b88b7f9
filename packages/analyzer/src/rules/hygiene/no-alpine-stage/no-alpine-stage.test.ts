import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\n',
    'FROM golang:1.22 AS build\nFROM alpine:3.22\nCOPY --from=build /out /app\n',
    'FROM python:3.12-alpine AS base\nFROM base\n',
    '',
    // Unknown images that run apk are Alpine: the Alpine rules ran.
    'FROM mycorp/base:1.0\nRUN apk add --no-cache curl\n',
    'FROM base\nRUN apk add --no-cache curl\n',
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
    {
      name: 'an unknown base with no evidence: says it could not tell, not that it is not Alpine',
      code: 'FROM registry.example.com/platform/base:2\nCOPY app /app\n',
      errors: [
        {
          line: 1,
          messageContains:
            'could not tell whether `registry.example.com/platform/base:2` is Alpine-based',
        },
      ],
    },
    {
      name: 'a glibc package manager decides an unknown base: not Alpine',
      code: 'FROM mycorp/base:1.0\nRUN apt-get update && apt-get install -y curl\n',
      errors: [
        {
          line: 1,
          messageContains:
            'no stage is based on Alpine (mycorp/base:1.0 (debian))',
        },
      ],
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
