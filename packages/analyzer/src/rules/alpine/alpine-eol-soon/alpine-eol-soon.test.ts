import { findingsOf, testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  options: { now: new Date('2026-10-01T00:00:00Z') },
  valid: [
    'FROM alpine:3.22\n',
    'FROM alpine:3.20\n',
    'FROM alpine:latest\n',
    'FROM debian:bookworm\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.21\n',
      errors: [
        {
          line: 1,
          severity: 'info',
          messageContains:
            'reaches end of life on 2026-11-01, in 31 days: plan the move to 3.24',
        },
      ],
      output: 'FROM alpine:3.24\n',
    },
    {
      code: 'FROM python:3.13-alpine3.21\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.21' }],
      output: 'FROM python:3.13-alpine3.24\n',
    },
  ],
});

describe('alpine-eol-soon window', () => {
  it('starts 90 days before the end of life and stops at it', () => {
    const at = (iso: string) =>
      findingsOf(rule, 'FROM alpine:3.21\n', { now: new Date(iso) }).length;
    expect(at('2026-08-02T00:00:00Z')).toBe(0);
    expect(at('2026-08-03T00:00:00Z')).toBe(1);
    expect(at('2026-11-01T00:00:00Z')).toBe(1);
    expect(at('2026-11-02T00:00:00Z')).toBe(0);
  });
});
