import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM python:3.12-alpine\nRUN pip install --no-cache-dir -r requirements.txt\n',
    'FROM python:3.12-alpine\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
    'FROM python:3.12-alpine\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
    'FROM python:3.12-alpine\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip3 install flask\n',
    'FROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.12-slim\nCOPY --from=build /usr/local /usr/local\n',
    'FROM python:3.12-alpine\nRUN pip freeze\n',
    'FROM python:3.12-alpine\nRUN pipx install httpie && pipenv install\n',
    {
      name: 'an abbreviated --no-cache-dir (pip accepts prefixes of long options)',
      code: 'FROM python:3.13-alpine\nRUN pip install --no-cache /wheels/*\n',
    },
    {
      name: 'the cache folder removed later in the same RUN',
      code: 'FROM python:3.13-alpine\nRUN pip3 install ansible-core \\\n && rm -rf /root/.cache/pip\n',
    },
    {
      name: 'the whole ~/.cache removed, or the cache purged by pip',
      code: 'FROM python:3.13-alpine\nRUN pip install boto3 && rm -rf ~/.cache\nRUN pip install celery; pip cache purge\n',
    },
    {
      name: 'the variable set on the command itself',
      code: 'FROM python:3.13-alpine\nRUN PIP_NO_CACHE_DIR=yes pip install uvicorn\n',
    },
    {
      name: 'the variable exported earlier in the same RUN',
      code: 'FROM python:3.13-alpine\nRUN export PIP_NO_CACHE_DIR=on \\\n && pip3 install --upgrade setuptools\n',
    },
    {
      name: 'the variable from an ARG',
      code: 'FROM python:3.13-alpine\nARG PIP_NO_CACHE_DIR=1\nRUN pip install celery\n',
    },
    {
      name: 'a falsy value still turns the cache off in pip (deliberate difference from hadolint)',
      code: 'FROM python:3.13-alpine\nENV PIP_NO_CACHE_DIR=false\nRUN pip install celery\n',
    },
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
      errors: [
        { line: 2, messageContains: 'python3 -m pip install' },
        { line: 2, messageContains: 'pip3 install' },
      ],
      output:
        'FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip && pip3 install --no-cache-dir gunicorn\n',
    },
    {
      name: 'versioned pip of the python:*-alpine images',
      code: 'FROM python:3.12-alpine3.22\nRUN pip3.12 install requests\n',
      errors: [{ line: 2, messageContains: 'pip3.12 install' }],
      output:
        'FROM python:3.12-alpine3.22\nRUN pip3.12 install --no-cache-dir requests\n',
    },
    {
      name: 'pip2 of old Python 2 images',
      code: 'FROM python:2.7-alpine\nRUN pip2 install supervisor\n',
      errors: [{ line: 2, messageContains: 'pip2 install' }],
      output:
        'FROM python:2.7-alpine\nRUN pip2 install --no-cache-dir supervisor\n',
    },
    {
      name: 'a global option with a value before the subcommand',
      code: 'FROM python:3.13-alpine\nRUN pip --timeout 60 install boto3\n',
      errors: [{ line: 2 }],
      output:
        'FROM python:3.13-alpine\nRUN pip --timeout 60 install --no-cache-dir boto3\n',
    },
    {
      name: 'the variable exported after the install does not count',
      code: 'FROM python:3.13-alpine\nRUN pip install boto3 && export PIP_NO_CACHE_DIR=1\n',
      errors: [{ line: 2 }],
      output:
        'FROM python:3.13-alpine\nRUN pip install --no-cache-dir boto3 && export PIP_NO_CACHE_DIR=1\n',
    },
    {
      name: 'a cache removed before the install does not count',
      code: 'FROM python:3.13-alpine\nRUN rm -rf /root/.cache/pip && pip install boto3\n',
      errors: [{ line: 2 }],
      output:
        'FROM python:3.13-alpine\nRUN rm -rf /root/.cache/pip && pip install --no-cache-dir boto3\n',
    },
    {
      name: 'the variable on another command does not count',
      code: 'FROM python:3.13-alpine\nRUN PIP_NO_CACHE_DIR=1 true && pip install boto3\n',
      errors: [{ line: 2 }],
      output:
        'FROM python:3.13-alpine\nRUN PIP_NO_CACHE_DIR=1 true && pip install --no-cache-dir boto3\n',
    },
    {
      name: 'a cache mount elsewhere does not count',
      code: 'FROM python:3.13-alpine\nRUN --mount=type=tmpfs,target=/var/tmp pip install boto3\n',
      errors: [{ line: 2 }],
      output:
        'FROM python:3.13-alpine\nRUN --mount=type=tmpfs,target=/var/tmp pip install --no-cache-dir boto3\n',
    },
  ],
});
