import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM python:3.12-alpine\nRUN pip install --no-cache-dir -r requirements.txt\n',
    'FROM python:3.12-alpine\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
    'FROM python:3.12-alpine\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
    'FROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.12-slim\nCOPY --from=build /usr/local /usr/local\n',
    'FROM python:3.12-alpine\nRUN pip freeze\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-alpine\nRUN pip install -r requirements.txt\n',
      errors: [{ line: 2, messageContains: '--no-cache-dir' }],
      output:
        'FROM python:3.12-alpine\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      code: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip && pip3 install gunicorn\n',
      errors: [{ line: 2 }, { line: 2 }],
      output:
        'FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip && pip3 install --no-cache-dir gunicorn\n',
    },
  ],
});
