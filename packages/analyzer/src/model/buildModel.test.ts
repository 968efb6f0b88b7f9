import { parseDockerfile } from '../parse';
import { buildModel } from './buildModel';

function model(text: string) {
  return buildModel(parseDockerfile(text));
}

describe('buildModel', () => {
  it('substitutes global ARG defaults into FROM, including --platform stages', () => {
    const { stages, globalArgs } = model(
      'ARG GO=1.22\nARG ALPINE=3.20\nFROM --platform=$BUILDPLATFORM golang:${GO}-alpine${ALPINE} AS build\nFROM alpine:$ALPINE\n',
    );
    expect(globalArgs.get('GO')).toBe('1.22');
    expect(
      stages.map(s => [s.image.text, s.distro, s.libc, s.alpineRelease]),
    ).toEqual([
      ['golang:1.22-alpine3.20', 'alpine', 'musl', '3.20'],
      ['alpine:3.20', 'alpine', 'musl', '3.20'],
    ]);
    expect(stages[0].from.platform).toBe('$BUILDPLATFORM');
  });

  it('links a stage to the earlier stage it builds FROM and inherits from it', () => {
    const { stages, finalStage } = model(
      'FROM python:3.12-alpine3.22 AS base\nENV APP_HOME=/app\nUSER app\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM BASE AS test\nRUN true\n',
    );
    const [base, test] = stages;
    expect(test.parent).toBe(base);
    expect([test.distro, test.libc, test.alpineRelease, test.isAlpine]).toEqual(
      ['alpine', 'musl', '3.22', true],
    );
    expect(test.env('APP_HOME')).toBe('/app');
    expect(test.user).toBe('app');
    expect(test.shell).toEqual(['/bin/ash', '-eo', 'pipefail', '-c']);
    expect(finalStage).toBe(test);
    expect([base.isFinal, test.isFinal]).toEqual([false, true]);
  });

  it('records COPY --from and RUN --mount=from edges with the libc of both ends', () => {
    const { stages } = model(
      [
        'FROM golang:1.22 AS build',
        'FROM node:20-alpine AS assets',
        'FROM alpine:3.22',
        'COPY --chown=app:app --from=build /out/app /usr/local/bin/app',
        'COPY --from=1 /app/dist /srv',
        'COPY --from=eclipse-temurin:21-jdk /opt/java/openjdk /opt/java',
        'RUN --mount=type=bind,from=build,source=/out,target=/mnt true',
      ].join('\n'),
    );
    expect(
      stages[2].copyEdges.map(edge => [
        edge.kind,
        edge.source.stage?.name ?? edge.source.text,
        edge.source.libc,
        edge.paths,
        edge.crossesLibc,
      ]),
    ).toEqual([
      ['copy', 'build', 'glibc', ['/out/app'], true],
      ['copy', 'assets', 'musl', ['/app/dist'], false],
      ['copy', 'eclipse-temurin:21-jdk', 'glibc', ['/opt/java/openjdk'], true],
      ['mount', 'build', 'glibc', ['/out'], true],
    ]);
  });

  it('answers variable lookups as of a line, ARGs falling back to global defaults', () => {
    const { stages } = model(
      'ARG VERSION=1\nFROM alpine:3.22\nARG VERSION\nENV CGO_ENABLED=1\nRUN a\nENV CGO_ENABLED=0\nRUN b\n',
    );
    const [stage] = stages;
    expect(stage.env('VERSION')).toBe('1');
    expect(stage.env('CGO_ENABLED', 5)).toBe('1');
    expect(stage.env('CGO_ENABLED', 7)).toBe('0');
    expect(stage.env('CGO_ENABLED', 4)).toBeUndefined();
  });

  it('keeps the SHELL in effect per line', () => {
    const [stage] = model(
      'FROM debian:12\nRUN a\nSHELL ["/bin/bash", "-c"]\nRUN b\n',
    ).stages;
    expect(stage.shellAt(2)).toEqual(['/bin/sh', '-c']);
    expect(stage.shellAt(4)).toEqual(['/bin/bash', '-c']);
  });

  it('defaults the SHELL of Windows images to cmd', () => {
    const [stage] = model(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n',
    ).stages;
    expect(stage.shell).toEqual(['cmd', '/S', '/C']);
  });

  it('does not treat a later or unknown stage name as a stage', () => {
    const { stages } = model(
      'FROM alpine:3.22 AS a\nCOPY --from=b /x /y\nFROM alpine:3.22 AS b\n',
    );
    expect(stages[0].copyEdges[0].source.stage).toBeUndefined();
    expect(stages[0].copyEdges[0].source.image?.name).toBe('b');
  });
});
