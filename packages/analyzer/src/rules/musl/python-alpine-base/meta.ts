import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'python-alpine-base',
  title: 'python:*-alpine base for a pip-installed application',
  category: 'musl',
  severity: 'info',
  remediation:
    'Prefer `python:3.x-slim` unless every dependency ships musllinux wheels; if you stay on Alpine, pin versions with musllinux wheels and build wheels in a builder stage.',
  references: [
    'https://pythonspeed.com/articles/alpine-docker-python/',
    'https://github.com/numpy/numpy/pull/27088',
    'https://peps.python.org/pep-0656/',
  ],
  aliases: [],
  fixable: false,
  messages: {
    pythonOnMusl:
      '{{image}} installs Python packages on musl: each compiled dependency needs a musllinux wheel or a source build; python:*-slim takes the manylinux wheels every package publishes',
  },
  scope: 'alpine',
};
