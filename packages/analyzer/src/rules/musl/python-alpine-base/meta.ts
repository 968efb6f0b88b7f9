import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'python-alpine-base',
  title: 'python:*-alpine base for a pip-installed application',
  category: 'musl',
  severity: 'info',
  rationale:
    'The Alpine Python image saves tens of megabytes, but every dependency with compiled code needs a musllinux wheel; many have them now (numpy, pandas, pydantic-core), many do not or did not for older pins, and those compile from source. The slim Debian image takes manylinux wheels, which every binary package publishes.',
  remediation:
    'Prefer `python:3.x-slim` unless every dependency ships musllinux wheels; if you stay on Alpine, pin versions with musllinux wheels and build wheels in a builder stage.',
  references: [
    'https://pythonspeed.com/articles/alpine-docker-python/',
    'https://github.com/numpy/numpy/pull/27088',
    'https://peps.python.org/pep-0656/',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
