import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'pip-no-musllinux-wheel',
  title: 'pip package without a musllinux wheel installed on Alpine',
  category: 'musl',
  severity: 'warning',
  remediation:
    'Pin a version that ships musllinux wheels, install the Alpine package (`apk add py3-numpy`), build wheels in a builder stage with `build-base`, use `pip install --only-binary=:all:` to fail fast, or use `python:*-slim`.',
  references: [
    'https://peps.python.org/pep-0656/',
    'https://github.com/numpy/numpy/releases/tag/v1.25.0',
    'https://pythonspeed.com/articles/alpine-docker-python/',
    'https://github.com/grpc/grpc/issues/26620',
    'https://github.com/PyO3/maturin/issues/589',
  ],
  aliases: [],
  fixable: false,
  messages: {
    noWheel: '`{{requirement}}`: {{gap}}; {{outcome}}',
    noWheelInFile:
      'confirmed by {{file}}: `{{requirement}}`: {{gap}}; {{outcome}}',
    lockedNoWheel:
      'confirmed by {{file}}: {{name}} {{version}} has wheels for {{platforms}} but none musllinux or pure-Python; {{outcome}}',
    lockedNoWheelForPython:
      'confirmed by {{file}}: {{name}} {{version}} has musllinux wheels for {{interpreters}} only, and the image runs Python {{python}}; {{outcome}}',
    compilerUnneeded:
      'pip installs next to `{{compiler}}` in the shipped image, but {{file}} records a musllinux or pure-Python wheel for every package: nothing compiles, the compiler only adds size and attack surface',
    compilerShips:
      'pip installs next to `{{compiler}}` in the shipped image: every dependency without a musllinux wheel is compiled from source here (slow, and the toolchain invites it); build wheels in a builder stage or use python:*-slim',
    compilerShipsElsewhere:
      'pip installs next to a compiler in the shipped image: every dependency without a musllinux wheel is compiled from source here (slow, and the toolchain invites it); build wheels in a builder stage or use python:*-slim',
    compilesEachBuild:
      'pip runs while `{{compiler}}` is installed: the toolchain does not ship, but every build compiles the dependencies without a musllinux wheel from source; building wheels in a cached builder stage (or python:*-slim) saves that time',
  },
  scope: 'alpine',
};
