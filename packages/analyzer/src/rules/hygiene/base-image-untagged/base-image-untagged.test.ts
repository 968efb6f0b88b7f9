import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    {
      name: 'a stage of the file chosen by a platform ARG is a stage, not an image',
      code: 'FROM scratch AS binaries-linux\nFROM alpine:3.22 AS binaries-windows\nFROM binaries-$TARGETOS AS binaries\n',
    },
    {
      name: 'a placeholder ARG default means the image is passed at build time',
      code: 'ARG BASEIMAGE=unknown\nFROM ${BASEIMAGE}\n',
    },
    'FROM alpine:3.22\n',
    'FROM alpine@sha256:0123456789abcdef\n',
    'FROM golang:1.22-alpine AS build\nFROM build AS test\nFROM alpine:3.22\n',
    'FROM scratch\n',
    'FROM scratch AS empty\n',
    'ARG BASE\nFROM $BASE\n',
    'ARG TAG=3.22\nFROM alpine:${TAG}\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    {
      name: 'a tag from an ARG without default may be passed at build time',
      code: 'ARG PY_TAG\nFROM python:${PY_TAG}\n',
    },
    {
      name: 'a registry variable in front of a tagged image',
      code: 'ARG MIRROR\nFROM ${MIRROR}/library/alpine:3.22\n',
    },
    {
      name: 'an automatic platform ARG names one of the stages (buildkit-linux)',
      code: 'FROM alpine:3.22 AS buildkit-linux\nFROM buildkit-$TARGETOS AS buildkit\n',
    },
    {
      name: 'a one-word name that is no official image: a local image or a named build context',
      code: 'FROM base\nRUN apk add --no-cache postfix\n',
    },
    {
      name: 'an ARG placeholder default replaced by the build script',
      code: 'ARG BASEIMAGE=unknown\nFROM ${BASEIMAGE}\n',
    },
    {
      name: 'a declared suffix variable may carry the tag',
      code: 'ARG SUFFIX\nFROM alpine$SUFFIX\n',
    },
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
    {
      name: 'official images, current and deprecated, and the library/ spelling',
      code: 'FROM cassandra AS db\nFROM centos AS legacy\nFROM library/busybox\n',
      errors: [{ line: 1 }, { line: 2 }, { line: 3 }],
    },
    {
      name: 'a registry variable does not tag the image after it',
      code: 'ARG MIRROR\nFROM ${MIRROR}/debian\n',
      errors: [
        { line: 2, messageContains: '${MIRROR}/debian has no tag whatever' },
      ],
    },
    {
      name: 'a variable no ARG declares expands to nothing',
      code: 'FROM alpine$SUFFIX\n',
      errors: [{ line: 1, messageContains: 'base image alpine has no tag' }],
    },
  ],
});
