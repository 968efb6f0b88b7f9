import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM python:3.12-alpine AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-alpine\nCOPY --from=build /opt/venv /opt/venv\n',
    'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\n',
    'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-alpine\nCOPY --from=build /app/static /app/static\n',
    'FROM python:3.12 AS docs\nRUN pip install mkdocs && mkdocs build -d /site\nFROM nginx:1.27-alpine\nCOPY --from=docs /site /usr/share/nginx/html\n',
  ],
  invalid: [
    {
      name: 'a virtualenv with native packages',
      code: 'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install pydantic uvicorn\nFROM python:3.12-alpine\nCOPY --from=build /opt/venv /opt/venv\n',
      errors: [{ line: 4, severity: 'error', messageContains: 'pydantic' }],
    },
    {
      name: 'a --prefix tree from a relative WORKDIR',
      code: 'FROM python:3.12 AS build\nWORKDIR /build\nRUN pip install --prefix=install -r requirements.txt\nFROM python:3.12-alpine3.22\nCOPY --from=build /build/install /usr/local\n',
      errors: [
        { line: 5, severity: 'warning', messageContains: '`/build/install`' },
      ],
    },
    {
      name: 'wheels built on Alpine copied into a Debian runtime',
      code: 'FROM python:3.12-alpine AS wheels\nRUN pip wheel -w /wheels -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=wheels /wheels /wheels\n',
      errors: [{ line: 4, messageContains: 'from musl (Alpine) into glibc' }],
    },
    {
      name: 'site-packages from an external image',
      code: 'FROM python:3.12-alpine\nCOPY --from=python:3.12-slim /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n',
      errors: [{ line: 2, severity: 'warning' }],
    },
  ],
});
