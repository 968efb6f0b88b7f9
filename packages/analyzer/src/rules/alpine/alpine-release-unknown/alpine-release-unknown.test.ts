import { findingsOf, testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  options: { now: new Date('2026-12-05T00:00:00Z') },
  valid: [
    'FROM alpine:3.24\n',
    'FROM alpine:3.12\n',
    'FROM alpine:latest\n',
    'FROM alpine:3.99\n',
    'FROM alpine:4.0\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.25\n',
      errors: [
        {
          line: 1,
          severity: 'info',
          messageContains:
            'Alpine 3.25 (alpine:3.25) is unknown to this knowledge version (2026-12-05+bundled, newest branch 3.24): end of life not checked',
        },
      ],
    },
    {
      code: 'FROM node:24-alpine3.25 AS build\nFROM build\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.25' }],
    },
  ],
});

describe('alpine-release-unknown and the knowledge', () => {
  it('is silent once the knowledge has the branch', () => {
    expect(
      findingsOf(rule, 'FROM alpine:3.25\n', {
        now: new Date('2026-12-05T00:00:00Z'),
        knowledge: { releases: [{ version: '3.25', endOfLife: '2028-11-01' }] },
      }),
    ).toEqual([]);
  });
});
