import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  options: { now: new Date('2026-12-05T00:00:00Z') },
  valid: [
    'FROM alpine:3.24\n',
    'FROM node:22-alpine3.24\n',
    'FROM golang:1.23-alpine\n',
    'FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
    'FROM registry.acme.io/mirror/alpine:latest\n',
    'FROM alpine:edge\n',
    'FROM debian:bookworm\n',
    'ARG BASE\nFROM ${BASE}\n',
    {
      name: 'a line no longer built does not float: it stays on its last build (alpine-eol judges it)',
      code: 'FROM node:18-alpine\n',
    },
    {
      name: 'a patch tag was built once, on the branch of its day',
      code: 'FROM node:22.1.0-alpine\n',
    },
    {
      name: 'a minor tag of node stops moving at the next minor',
      code: 'FROM node:22.11-alpine\n',
    },
    'FROM python:3.12.4-alpine\n',
    {
      name: 'a line the knowledge does not list: no claim',
      code: 'FROM python:3.10-alpine\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine\n',
      errors: [
        {
          line: 1,
          severity: 'info',
          messageContains:
            'alpine names no Alpine branch: as of this knowledge (2026-12-05+bundled) it resolves to Alpine 3.24, and a rebuild may move it',
        },
      ],
    },
    {
      code: 'FROM alpine:3\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.24' }],
    },
    { code: 'FROM alpine:latest\n', errors: [{ line: 1 }] },
    {
      code: 'FROM node:22-alpine AS build\nFROM build\n',
      errors: [
        { line: 1, messageContains: 'node:22-alpine names no Alpine branch' },
      ],
    },
    { code: 'FROM python:alpine\n', errors: [{ line: 1 }] },
    { code: 'FROM python:3.14-alpine\n', errors: [{ line: 1 }] },
    { code: 'FROM node:lts-alpine\n', errors: [{ line: 1 }] },
    {
      name: "a maintained line's codename",
      code: 'FROM node:krypton-alpine\n',
      errors: [{ line: 1, messageContains: 'Alpine 3.24' }],
    },
  ],
});
