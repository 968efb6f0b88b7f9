import { whyNotADockerfile } from './dockerfileText';

const reasonOf = (text: string) =>
  whyNotADockerfile('Dockerfile.app', text)?.reason;

describe('whyNotADockerfile', () => {
  it.each([
    ['a plain Dockerfile', 'FROM alpine:3.23\nRUN apk add --no-cache curl\n'],
    ['ARG before FROM', 'ARG BASE=alpine:3.23\nFROM ${BASE}\n'],
    [
      'parser directives and comments first',
      '# syntax=docker/dockerfile:1\n# the api image\n\nfrom alpine:3.23\n',
    ],
    [
      'a byte-order mark and CRLF lines',
      '\uFEFFFROM alpine:3.23\r\nRUN true\r\n',
    ],
    // Mistakes after the first instruction are the repository's to fix.
    [
      'a lost line continuation',
      'FROM alpine:3.23\nRUN apk add \\\n  curl\n  git\n',
    ],
    [
      'a Go format string inside a RUN',
      "FROM alpine:3.23\nRUN docker inspect --format '{{.Id}}' x\n",
    ],
    [
      'template lines inside a heredoc',
      'FROM alpine:3.23\nCOPY <<EOF /etc/app.tmpl\n{{ .Values.name }}\nEOF\nRUN true\n',
    ],
    [
      'template lines inside an indented heredoc',
      'FROM alpine:3.23\nRUN <<-"EOT"\n\t{% raw %}\n\tEOT\n',
    ],
    [
      'an escape directive and a continued line that starts with from',
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN echo `\n  from here\n',
    ],
  ])('reads %s as a Dockerfile', (_, text) => {
    expect(whyNotADockerfile('Dockerfile.app', text)).toBeUndefined();
  });

  it.each([
    ['a Go template image', 'FROM {{ .base }}\nRUN true\n'],
    ['a placeholder image', 'FROM debian:%%SUITE%%\nRUN true\n'],
    [
      'a line that includes another template',
      'ARG REPO=mcr.microsoft.com/dotnet/runtime-deps\n{{InsertTemplate("Dockerfile.envs")}}\nFROM $REPO\n',
    ],
    [
      'Jinja blocks',
      'FROM alpine:3.23\n{% if dev %}\nRUN apk add gdb\n{% endif %}\n',
    ],
  ])('tells %s is a template', (_, text) => {
    expect(reasonOf(text)).toBe('template');
  });

  it.each([
    ['Go source', '// Package dockerfile parses\npackage dockerfile\n'],
    ['a shell script', '#!/bin/sh\nset -e\ndocker build .\n'],
    ['JSON', '{ "from": "alpine" }\n'],
    ['YAML', 'from: alpine\nrun: true\n'],
    ['prose', '# Notes\n\nThis image is built by CI.\n'],
  ])('tells %s is not Dockerfile syntax', (_, text) => {
    const why = whyNotADockerfile('dockerfile.go', text);
    expect(why?.reason).toBe('not-dockerfile-syntax');
    expect(why?.message).toMatch(/^not Dockerfile syntax: its first line is "/);
  });

  it('quotes a long first line shortened', () => {
    const why = whyNotADockerfile(
      'dockerfile.go',
      `package ${'x'.repeat(100)}\n`,
    );
    expect(why?.message.length).toBeLessThan(110);
    expect(why?.message).toContain('…');
  });

  it('tells a fragment without FROM', () => {
    expect(
      reasonOf('RUN apk add --no-cache curl\nENV PATH=/opt/bin:$PATH\n'),
    ).toBe('no-from');
    // FROM only in a heredoc or a continued line is no instruction.
    expect(reasonOf('RUN <<EOF\nFROM alpine\nEOF\n')).toBe('no-from');
    expect(reasonOf('RUN echo \\\n  FROM alpine\n')).toBe('no-from');
  });

  it('tells an empty file', () => {
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf('# syntax=docker/dockerfile:1\n\n# nothing yet\n')).toBe(
      'empty',
    );
  });
});

describe('whyNotADockerfile on bytes', () => {
  it('reads UTF-8 bytes as their text', () => {
    expect(
      whyNotADockerfile(
        'Dockerfile.app',
        Buffer.from('FROM alpine:3.23\n', 'utf8'),
      ),
    ).toBeUndefined();
    expect(
      whyNotADockerfile(
        'Dockerfile.app',
        Buffer.from('package dockerfile\n', 'utf8'),
      )?.reason,
    ).toBe('not-dockerfile-syntax');
  });

  it('leaves binary, non-UTF-8 and oversized content to the analyzer', () => {
    expect(
      whyNotADockerfile(
        'Dockerfile.app',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]),
      ),
    ).toBeUndefined();
    expect(
      whyNotADockerfile(
        'Dockerfile.app',
        Buffer.from([0xff, 0xfe, 0x46, 0x00]),
      ),
    ).toBeUndefined();
    expect(whyNotADockerfile('Dockerfile.app', 'x\u0000y')).toBeUndefined();
    expect(
      whyNotADockerfile(
        'Dockerfile.app',
        `package big\n${'// filler\n'.repeat(120_000)}`,
      ),
    ).toBeUndefined();
  });
});

describe('whyNotADockerfile on the default name', () => {
  it('reports a Dockerfile without FROM or with a lost first line: docker build reads it', () => {
    for (const name of ['Dockerfile', 'api/dockerfile', 'Containerfile']) {
      expect(
        whyNotADockerfile(name, 'RUN echo no base image\n'),
      ).toBeUndefined();
      expect(
        whyNotADockerfile(name, 'FRON alpine\nRUN true\n'),
      ).toBeUndefined();
      expect(whyNotADockerfile(name, '')).toBeUndefined();
    }
  });

  it('still tells a template', () => {
    expect(whyNotADockerfile('Dockerfile', 'FROM {{ .base }}\n')?.reason).toBe(
      'template',
    );
  });
});
