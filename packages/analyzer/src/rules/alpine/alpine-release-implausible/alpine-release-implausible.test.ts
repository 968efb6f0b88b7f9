import { findingsOf, testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  options: { now: new Date('2026-12-05T00:00:00Z') },
  valid: [
    'FROM alpine:3.24\n',
    'FROM alpine:3.25\n',
    'FROM alpine:3.3\n',
    'FROM alpine:edge\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.99\n',
      errors: [
        {
          line: 1,
          severity: 'warning',
          messageContains:
            "cannot exist by Alpine's cadence: the newest known branch is 3.24 (released 2026-06-09), so at most 3.25 by now; the tag looks wrong",
        },
      ],
    },
    {
      code: 'FROM alpine:3.26\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.26' }],
    },
    {
      code: 'FROM alpine:4.0\n',
      errors: [{ line: 1, messageContains: 'Alpine 4.0' }],
    },
    {
      code: 'FROM python:3.13-alpine3.240\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.240' }],
    },
  ],
});

describe('alpine-release-implausible cadence', () => {
  it('allows one more branch for every six months that passed', () => {
    const at = (tag: string, iso: string) =>
      findingsOf(rule, `FROM alpine:${tag}\n`, { now: new Date(iso) }).length;
    expect(at('3.26', '2026-12-05T00:00:00Z')).toBe(1);
    expect(at('3.26', '2026-12-08T00:00:00Z')).toBe(0);
    expect(at('3.27', '2027-06-15T00:00:00Z')).toBe(0);
    expect(at('3.28', '2027-06-15T00:00:00Z')).toBe(1);
  });
});
