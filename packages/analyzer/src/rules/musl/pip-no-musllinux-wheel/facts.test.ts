import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const REQUIREMENTS =
  'FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';
const uvLock = (wheels: string[], sdist = true) => ({
  files: [
    {
      path: 'uv.lock',
      content: `version = 1\nrequires-python = ">=3.12"\n\n[[package]]\nname = "somepkg"\nversion = "1.0.0"\nsource = { registry = "https://pypi.org/simple" }\n${
        sdist
          ? 'sdist = { url = "https://files.example/somepkg-1.0.0.tar.gz" }\n'
          : ''
      }wheels = [\n${wheels
        .map(w => `    { url = "https://files.example/${w}" },`)
        .join('\n')}\n]\n`,
    },
  ],
});
const UV_SYNC =
  'FROM python:3.12-alpine\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev\n';

testRule(rule, {
  valid: [
    { name: 'no context: -r is opaque', code: REQUIREMENTS },
    {
      name: 'refuted: pins with musllinux wheels',
      code: REQUIREMENTS,
      context: {
        files: [
          {
            path: 'requirements.txt',
            content: 'numpy==2.1.3\nrequests==2.32.3\n',
          },
        ],
      },
    },
    {
      name: 'uv.lock records a musllinux wheel',
      code: UV_SYNC,
      context: uvLock(['somepkg-1.0.0-cp312-cp312-musllinux_1_2_x86_64.whl']),
    },
    {
      name: 'uv.lock records a pure-Python wheel',
      code: UV_SYNC,
      context: uvLock(['somepkg-1.0.0-py3-none-any.whl'], false),
    },
    {
      name: 'a stable-ABI musllinux wheel of an older CPython loads on the image’s',
      code: UV_SYNC.replace('python:3.12-alpine', 'python:3.13-alpine'),
      context: uvLock(['somepkg-1.0.0-cp310-abi3-musllinux_1_2_x86_64.whl']),
    },
    {
      name: 'uv brings its own interpreter: the image’s Python does not decide',
      code: 'FROM python:3.13-alpine\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --python 3.12\n',
      context: uvLock(['somepkg-1.0.0-cp312-cp312-musllinux_1_2_x86_64.whl']),
    },
  ],
  invalid: [
    {
      name: 'confirmed by requirements.txt',
      code: REQUIREMENTS,
      context: {
        files: [
          { path: 'requirements.txt', content: '-r base.txt\nflask==3.0.3\n' },
          { path: 'base.txt', content: 'numpy==1.24.4\n' },
        ],
      },
      errors: [
        {
          line: 3,
          messageContains: 'confirmed by base.txt: `numpy==1.24.4`',
          evidence: { source: 'base.txt', verdict: 'confirmed' },
        },
      ],
    },
    {
      name: 'confirmed by uv.lock: musllinux wheels for another Python than the image’s',
      code: UV_SYNC.replace('python:3.12-alpine', 'python:3.13.1-alpine3.22'),
      context: uvLock([
        'somepkg-1.0.0-cp311-cp311-musllinux_1_2_x86_64.whl',
        'somepkg-1.0.0-cp312-cp312-musllinux_1_2_x86_64.whl',
        'somepkg-1.0.0-cp313-cp313-manylinux_2_17_x86_64.whl',
      ]),
      errors: [
        {
          line: 3,
          severity: 'error',
          messageContains:
            'confirmed by uv.lock: somepkg 1.0.0 has musllinux wheels for cp311, cp312 only, and the image runs Python 3.13',
          evidence: { source: 'uv.lock', verdict: 'confirmed' },
        },
      ],
    },
    {
      name: 'confirmed by uv.lock: manylinux wheels only, and no compiler',
      code: UV_SYNC,
      context: uvLock([
        'somepkg-1.0.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
        'somepkg-1.0.0-cp312-cp312-macosx_11_0_arm64.whl',
      ]),
      errors: [
        {
          line: 3,
          severity: 'error',
          messageContains:
            'confirmed by uv.lock: somepkg 1.0.0 has wheels for manylinux_*_x86_64',
          evidence: {
            source: 'uv.lock',
            verdict: 'confirmed',
            detail:
              'locks somepkg 1.0.0 with no musllinux or pure-Python wheel',
          },
        },
      ],
    },
    {
      name: 'refuted: a compiler next to pip, and every locked package has a wheel',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache build-base && pip install --no-cache-dir .\n',
      context: uvLock(['somepkg-1.0.0-cp312-cp312-musllinux_1_2_x86_64.whl']),
      errors: [
        {
          line: 2,
          severity: 'info',
          messageContains:
            'uv.lock records a musllinux or pure-Python wheel for every package',
          evidence: { source: 'uv.lock', verdict: 'refuted' },
        },
      ],
    },
  ],
});
