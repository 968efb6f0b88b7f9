import { findingsOf, testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  options: { now: new Date('2026-11-28T12:00:00Z') },
  valid: [
    'FROM alpine:3.22\n',
    'FROM python:3.12-alpine3.23\n',
    'FROM python:3.12-alpine\n',
    'FROM alpine:latest\n',
    'FROM alpine:3.99\n',
    'FROM debian:buster\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.12\n',
      errors: [
        {
          line: 1,
          messageContains: 'reached end of life on 2022-05-01, 4 years ago',
        },
      ],
    },
    {
      code: 'FROM python:3.9-alpine3.13 AS base\nFROM base\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.13' }],
    },
    {
      code: 'ARG ALPINE=3.21\nFROM alpine:${ALPINE}\n',
      errors: [{ line: 2, messageContains: '27 days ago' }],
    },
  ],
});

describe('alpine-eol clock', () => {
  it('does not report a release that is still supported at analysis time', () => {
    expect(
      findingsOf(rule, 'FROM alpine:3.21\n', { now: new Date('2026-06-01') }),
    ).toEqual([]);
  });
});
