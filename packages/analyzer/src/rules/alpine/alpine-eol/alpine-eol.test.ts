import { findingsOf, testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  options: { now: new Date('2026-11-28T12:00:00Z') },
  valid: [
    'FROM alpine:3.22\n',
    'FROM python:3.12-alpine3.23\n',
    'FROM python:3.12-alpine\n',
    'FROM alpine:latest\n',
    'FROM alpine:3.24\n',
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
      output: 'FROM alpine:3.24\n',
    },
    {
      name: 'a patch release tag moves to the branch',
      code: 'FROM alpine:3.19.4 AS base\nRUN true\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.19' }],
      output: 'FROM alpine:3.24 AS base\nRUN true\n',
    },
    {
      name: 'the -alpineX.Y suffix of an official image with a known convention moves',
      code: 'FROM node:20-alpine3.18\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.18' }],
      output: 'FROM node:20-alpine3.24\n',
    },
    {
      name: 'no fix for an image whose suffix convention is not known',
      code: 'FROM golang:1.21-alpine3.18\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.18' }],
    },
    {
      name: 'no fix for a digest-pinned tag',
      code: 'FROM alpine:3.18@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.18' }],
    },
    {
      code: 'FROM python:3.9-alpine3.13 AS base\nFROM base\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.13' }],
      output: 'FROM python:3.9-alpine3.24 AS base\nFROM base\n',
    },
    {
      name: 'a bare -alpine tag of a line no longer built stays on its last build, no fix',
      code: 'FROM node:18-alpine\n',
      errors: [
        {
          line: 1,
          messageContains:
            'Alpine 3.21 (node:18-alpine, the last build of node 18) reached end of life on 2026-11-01',
        },
      ],
    },
    {
      name: "a codename names the line: node's hydrogen is 18",
      code: 'FROM node:hydrogen-alpine\n',
      errors: [{ line: 1, messageContains: 'the last build of node 18' }],
    },
    {
      code: 'FROM python:3.8-alpine\n',
      errors: [
        {
          line: 1,
          messageContains:
            'Alpine 3.20 (python:3.8-alpine, the last build of python 3.8)',
        },
      ],
    },
    {
      name: 'no fix when the release comes from an ARG',
      code: 'ARG ALPINE=3.21\nFROM alpine:${ALPINE}\n',
      errors: [{ line: 2, messageContains: '27 days ago' }],
    },
  ],
});

describe('alpine-eol clock and knowledge', () => {
  it('does not report a release that is still supported at analysis time', () => {
    expect(
      findingsOf(rule, 'FROM alpine:3.21\n', { now: new Date('2026-06-01') }),
    ).toEqual([]);
  });

  it('names the newest supported branch at the analysis date in the remediation', () => {
    const [finding] = findingsOf(rule, 'FROM alpine:3.12\n', {
      now: new Date('2026-11-28T12:00:00Z'),
    });
    expect(finding.remediation).toContain('Move to Alpine 3.24');
    expect(finding.remediation).toContain('supported until 2028-06-01');
    expect(finding.remediation).toContain('knowledge 2026-12-05+bundled');
  });

  it('sends a line no longer built to a maintained line, not to a newer Alpine under the same tag', () => {
    const [finding] = findingsOf(rule, 'FROM node:18-alpine\n', {
      now: new Date('2026-11-28T12:00:00Z'),
    });
    expect(finding.remediation).toContain(
      'node 18 is no longer built, so no newer Alpine comes under this tag',
    );
    expect(finding.remediation).toContain('`node:26-alpine3.24`');
  });

  it('follows the knowledge: an added branch becomes the target, a changed date changes the verdict', () => {
    const knowledge = {
      asOf: '2027-01-10',
      releases: [
        { version: '3.25', released: '2026-12-03', endOfLife: '2028-11-01' },
        { version: '3.22', endOfLife: '2026-12-01' },
      ],
    };
    const now = new Date('2027-01-15T00:00:00Z');
    const [finding] = findingsOf(rule, 'FROM alpine:3.22\n', {
      now,
      knowledge,
    });
    expect(finding.message).toContain('reached end of life on 2026-12-01');
    expect(finding.remediation).toContain('Move to Alpine 3.25');
    expect(finding.fix?.edits[0].text).toBe('3.25');
    expect(findingsOf(rule, 'FROM alpine:3.22\n', { now })).toEqual([]);
  });
});
