import { findingsOf, testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  options: { now: new Date('2026-12-05T00:00:00Z') },
  valid: [
    'FROM node:22-alpine3.24\n',
    'FROM node:22-alpine3.23\n',
    'FROM python:3.13-alpine\n',
    // End of life: alpine-eol's finding.
    'FROM node:20-alpine3.20\n',
    'FROM golang:1.24-alpine3.22\n',
    'FROM registry.acme.io/node:22-alpine3.22\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-alpine3.22\n',
      errors: [
        {
          line: 1,
          severity: 'info',
          messageContains:
            'the node image builds -alpine variants for the newest 2 Alpine branches only (3.23 and 3.24 as of knowledge 2026-12-05+bundled), so this 3.22 variant is no longer rebuilt',
        },
      ],
      output: 'FROM node:22-alpine3.24\n',
    },
    {
      code: 'FROM python:3.12-alpine3.22\n',
      errors: [{ line: 1, messageContains: 'python image' }],
      output: 'FROM python:3.12-alpine3.24\n',
    },
  ],
});

describe('alpine-variant-not-rebuilt clock', () => {
  it('is silent while the branch is among the newest two', () => {
    expect(
      findingsOf(rule, 'FROM node:22-alpine3.22\n', {
        now: new Date('2026-05-01T00:00:00Z'),
      }),
    ).toEqual([]);
  });
});
