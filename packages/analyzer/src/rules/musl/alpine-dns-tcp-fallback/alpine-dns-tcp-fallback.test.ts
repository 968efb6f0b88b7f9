import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.18\n',
    'FROM node:22-alpine\n',
    'FROM python:3.12-alpine3.22\n',
    'FROM alpine:3.16 AS build\nRUN true\nFROM debian:12-slim\nCOPY --from=build /x /x\n',
    'FROM debian:11\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.17\n',
      errors: [{ line: 1, messageContains: 'musl 1.2.3' }],
    },
    {
      name: 'variant tag, through a stage chain and an ARG',
      code: 'ARG NODE=18-alpine3.16\nFROM node:${NODE} AS base\nFROM base\nCMD ["node"]\n',
      errors: [{ line: 2, messageContains: 'Alpine 3.16' }],
    },
  ],
});
