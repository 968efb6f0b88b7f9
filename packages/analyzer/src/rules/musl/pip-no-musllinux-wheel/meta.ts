import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'pip-no-musllinux-wheel',
  title: 'pip package without a musllinux wheel installed on Alpine',
  category: 'musl',
  severity: 'warning',
  rationale:
    'pip on Alpine cannot use manylinux wheels (they need glibc); PEP 656 `musllinux` wheels exist only for some packages and versions (numpy from 1.25, pandas from 2.1, scipy from 1.11.2, grpcio from 1.45; never for psycopg2, torch, tensorflow). Otherwise pip builds the source distribution: it fails without a compiler, and with one it takes minutes to tens of minutes (grpcio 30–40 minutes). Packages without a source distribution (torch, tensorflow) cannot be installed at all.',
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
  scope: 'alpine',
};
