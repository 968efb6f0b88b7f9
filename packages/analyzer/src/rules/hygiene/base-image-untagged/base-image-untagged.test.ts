import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\n',
    'FROM alpine@sha256:0123456789abcdef\n',
    'FROM golang:1.22-alpine AS build\nFROM build AS test\nFROM alpine:3.22\n',
    'FROM scratch\n',
    'FROM scratch AS empty\n',
    'ARG BASE\nFROM $BASE\n',
    'ARG TAG=3.22\nFROM alpine:${TAG}\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
  ],
  invalid: [
    {
      code: 'FROM alpine\n',
      errors: [{ line: 1, messageContains: 'alpine has no tag' }],
    },
    {
      code: 'ARG BASE=alpine\nFROM $BASE\n',
      errors: [{ line: 2, messageContains: '$BASE resolves to alpine' }],
    },
    {
      code: 'FROM golang:1.22 AS build\nFROM node as test\n',
      errors: [{ line: 2 }],
    },
    { code: 'FROM localhost:5000/team/app\n', errors: [{ line: 1 }] },
  ],
});
