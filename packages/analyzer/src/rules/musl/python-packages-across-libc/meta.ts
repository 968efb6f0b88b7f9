import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'python-packages-across-libc',
  title: 'Python packages or virtualenv copied between glibc and musl stages',
  category: 'musl',
  severity: 'warning',
  remediation:
    "Build the wheels or the virtualenv in a stage with the runtime's libc (a `python:*-alpine` builder for an Alpine runtime) and copy those, or run on `python:*-slim` like the builder.",
  references: [
    'https://peps.python.org/pep-0656/',
    'https://pythonspeed.com/articles/alpine-docker-python/',
  ],
  aliases: [],
  fixable: false,
  messages: {
    compiledPackages:
      'Python packages (`{{path}}`) copied {{direction}} from {{source}}: compiled extensions are built for the source libc and fail to import here ({{compiled}})',
    mayHaveExtensions:
      'Python packages (`{{path}}`) copied {{direction}} from {{source}}: compiled extensions are built for the source libc and fail to import here; build them in a stage with the runtime libc',
  },
  scope: 'any',
};
