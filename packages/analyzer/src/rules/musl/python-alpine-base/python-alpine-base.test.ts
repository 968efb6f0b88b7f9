import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    'FROM python:3.12-alpine\nCOPY script.py /\nCMD ["python", "/script.py"]\n',
    'FROM alpine:3.22\nRUN apk add --no-cache py3-pip && pip install requests\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [
        { line: 1, severity: 'info', messageContains: 'musllinux wheel' },
      ],
    },
    {
      name: 'install in a stage built FROM it',
      code: 'FROM python:3.13-alpine3.22 AS base\nFROM base\nRUN uv sync --frozen\n',
      errors: [{ line: 1 }],
    },
  ],
});
