import { findingsOf, testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  options: { now: new Date('2026-12-05T00:00:00Z') },
  valid: [
    'FROM alpine:3.23\nRUN apk add --no-cache py3-setuptools && python3 -c "import pkg_resources"\n',
    'FROM alpine:3.24\nRUN apk add --no-cache python3\n',
    'FROM golang:1.23-alpine\nRUN python3 -c "import pkg_resources"\n',
    'FROM debian:bookworm\nRUN python3 -c "import pkg_resources"\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.24\nRUN apk add --no-cache python3 py3-setuptools \\\n && python3 -c "import pkg_resources"\n',
      errors: [
        {
          line: 2,
          severity: 'warning',
          messageContains:
            "setuptools 82.0.0 removed pkg_resources; this stage is on Alpine 3.24, so this RUN's use of it fails",
        },
      ],
    },
    {
      code: 'FROM alpine:3.24 AS base\nFROM base\nRUN apk add --no-cache py3-setuptools\n',
      errors: [
        {
          line: 3,
          severity: 'info',
          messageContains: 'code that still imports it fails at run time',
        },
      ],
    },
    {
      name: 'a floating tag that resolves to 3.24',
      code: 'FROM python:alpine\nRUN python -c "import pkg_resources"\n',
      errors: [
        {
          line: 2,
          severity: 'warning',
          messageContains:
            'python:alpine resolves to Alpine 3.24 as of this knowledge',
        },
      ],
    },
  ],
});

describe('alpine-branch-change and the knowledge', () => {
  it('follows what a floating tag resolves to at the analysis date', () => {
    expect(
      findingsOf(rule, 'FROM alpine\nRUN python3 -c "import pkg_resources"\n', {
        now: new Date('2026-03-01T00:00:00Z'),
      }),
    ).toEqual([]);
  });
});
