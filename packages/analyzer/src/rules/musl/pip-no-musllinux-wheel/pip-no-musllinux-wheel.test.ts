import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM python:3.12-alpine\nRUN pip install --no-cache-dir numpy==2.2.6 pandas>=2.1 requests\n',
    'FROM python:3.12-slim\nRUN pip install torch numpy==1.24.4\n',
    'FROM python:3.12-alpine\nRUN pip install -r requirements.txt\n',
    'FROM python:3.12-alpine\nRUN pip install --no-binary :all: psycopg2==2.9.9\n',
    'FROM python:3.12-alpine\nRUN pip install ./dist/app-1.0-py3-none-any.whl\n',
    'FROM python:3.12-alpine AS wheels\nRUN apk add --no-cache build-base\nRUN pip wheel -w /wheels -r requirements.txt\nFROM python:3.12-alpine\nCOPY --from=wheels /wheels /wheels\nRUN pip install --no-index --find-links=/wheels /wheels/*.whl\n',
    'FROM python:3.12-alpine\nRUN apk add --no-cache build-base && pip install --only-binary=:all: -r requirements.txt\n',
    {
      name: 'pip runs after the compiler was deleted',
      code: 'FROM python:3.12-alpine3.22\nRUN apk add --no-cache gcc musl-dev && make -C /src && apk del gcc musl-dev\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
  ],
  invalid: [
    {
      name: 'an old pin and a never-wheel package without a compiler',
      code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir numpy==1.24.4 psycopg2==2.9.9\n',
      errors: [
        { line: 2, severity: 'error', messageContains: 'start at 1.25.0' },
        {
          line: 2,
          severity: 'error',
          messageContains: 'publishes no musllinux wheels',
        },
      ],
    },
    {
      name: 'with build-base in a parent stage it only costs time',
      code: 'FROM python:3.11-alpine3.20 AS base\nRUN apk add --no-cache build-base\nFROM base\nRUN python -m pip install "grpcio<1.45"\n',
      errors: [
        {
          line: 4,
          severity: 'warning',
          messageContains: 'compiles it from source',
        },
      ],
    },
    {
      name: 'Part B #26: build-base kept next to pip in the shipped image',
      code: 'FROM python:3.12-alpine3.22\nRUN apk add --no-cache build-base python3-dev \\\n && pip install -r requirements.txt\n',
      errors: [
        { line: 2, severity: 'warning', messageContains: '`build-base`' },
      ],
    },
    {
      name: 'the seed article: build-base deleted after pip in the same RUN is advice only',
      code: 'FROM python:3.12-alpine3.22\nRUN apk add --update-cache --virtual .build-deps build-base python3-dev \\\n && pip install -r requirements.txt \\\n && apk del .build-deps\n',
      errors: [
        {
          line: 2,
          severity: 'info',
          messageContains: 'the toolchain does not ship',
        },
      ],
    },
    {
      name: 'no distribution at all',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache build-base && uv pip install --system torch\n',
      errors: [
        {
          line: 2,
          severity: 'error',
          messageContains: 'no installable version',
        },
      ],
    },
    {
      name: 'only-binary fails fast',
      code: 'FROM python:3.12-alpine\nRUN apk add build-base && pip3 install --only-binary=:all: pandas==1.5.3\n',
      errors: [
        { line: 2, severity: 'error', messageContains: '--only-binary' },
      ],
    },
  ],
});
