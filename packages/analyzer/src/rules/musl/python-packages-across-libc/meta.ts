import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'python-packages-across-libc',
  title: 'Python packages or virtualenv copied between glibc and musl stages',
  category: 'musl',
  severity: 'warning',
  rationale:
    'Wheels with compiled extensions are built for one libc: manylinux wheels installed on Debian need glibc, musllinux ones need musl. A virtualenv, `site-packages`, `--prefix`/`--target` tree or wheel directory copied into the other libc fails at import ("Error relocating …: symbol not found", "No such file or directory" for ld-linux), or pip rejects the wheels. Pure-Python packages survive, so it breaks only sometimes.',
  remediation:
    "Build the wheels or the virtualenv in a stage with the runtime's libc (a `python:*-alpine` builder for an Alpine runtime) and copy those, or run on `python:*-slim` like the builder.",
  references: [
    'https://peps.python.org/pep-0656/',
    'https://pythonspeed.com/articles/alpine-docker-python/',
  ],
  aliases: [],
  fixable: false,
  scope: 'any',
};
