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

  it('expands earlier global ARGs in a global ARG default, as BuildKit does', () => {
    const { stages } = model(
      'ARG ALPINE_VERSION=3.22\nARG BASE=alpine:${ALPINE_VERSION}\nFROM ${BASE}\n',
    );
    expect([stages[0].image.text, stages[0].alpineRelease]).toEqual([
      'alpine:3.22',
      '3.22',
    ]);
  });
});

describe('FROM with variables', () => {
  it('finds a stage named with platform ARGs, as a linux build does', () => {
    const { stages } = model(
      [
        'FROM scratch AS tool-linux',
        'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS tool-windows',
        'FROM alpine:3.22 AS release-linux',
        'FROM tool-$TARGETOS AS tool',
        'FROM release-${TARGETOS}${DEBUG:+-debug}',
      ].join('\n'),
    );
    expect(stages[3].parent).toBe(stages[0]);
    expect(stages[4].parent).toBe(stages[2]);
    expect(stages[4].isAlpine).toBe(true);
  });

  it('leaves a variable whose value holds an expansion it does not evaluate', () => {
    const [stage] = model(
      'ARG GO_VERSION=PLEASE_PROVIDE_GO_VERSION\nARG DASHED=${TARGETPLATFORM/\\//-}\nFROM acme/build:${GO_VERSION}-${DASHED} AS builder\n',
    ).stages;
    expect(stage.image).toMatchObject({
      repository: 'acme/build',
      tag: '${GO_VERSION}-${DASHED}',
      tagIsVariable: true,
    });
  });

  it('treats a placeholder ARG default as no default', () => {
    const { stages, globalArgs } = model(
      'ARG BASEIMAGE=unknown\nARG TAG=3.22\nFROM ${BASEIMAGE}\nRUN apk add --no-cache curl\n',
    );
    expect(globalArgs.get('BASEIMAGE')).toBeUndefined();
    expect(globalArgs.get('TAG')).toBe('3.22');
    expect(stages[0].image).toMatchObject({
      text: '${BASEIMAGE}',
      unresolved: true,
    });
    expect(stages[0].isAlpine).toBe(true);
  });
});

describe('distribution decisions', () => {
  const decision = (text: string, index = 0) => {
    const stage = model(text).stages[index];
    const { name, libc, decidedBy, line } = stage.distroDecision;
    return { name, libc, decidedBy, line, isAlpine: stage.isAlpine };
  };

  it('takes the catalog when it knows the image', () => {
    expect(
      decision('FROM python:3.12-alpine3.22\nRUN pip install x\n'),
    ).toEqual({
      name: 'alpine',
      libc: 'musl',
      decidedBy: 'image-catalog',
      line: 1,
      isAlpine: true,
    });
  });

  it.each([
    ['FROM base\nRUN apk add --no-cache curl\n'],
    [
      'FROM registry.example.com/platform/base:2\nRUN set -eux; apk add --no-cache curl\n',
    ],
    ['FROM ghcr.io/acme/runtime:7\nRUN apk add --no-cache git\n'],
    ['ARG BASE\nFROM $BASE\nRUN ["apk", "add", "--no-cache", "git"]\n'],
  ])('decides an unknown image that runs apk as Alpine: %j', text => {
    const result = decision(text);
    expect(result).toMatchObject({
      name: 'alpine',
      libc: 'musl',
      decidedBy: 'package-manager',
      isAlpine: true,
    });
    expect(result.line).toBe(text.startsWith('ARG') ? 3 : 2);
  });

  it.each([
    ['apt-get update && apt-get install -y curl', 'debian'],
    ['microdnf install -y shadow-utils', 'rhel'],
    ['dnf install -y git', 'rhel'],
    ['yum install -y git', 'rhel'],
    ['zypper --non-interactive install git', 'unknown'],
  ])('decides an unknown image that runs `%s` as glibc (%s)', (run, distro) => {
    expect(decision(`FROM mycorp/base:1\nRUN ${run}\n`)).toMatchObject({
      name: distro,
      libc: 'glibc',
      decidedBy: 'package-manager',
    });
  });

  it('reads /etc/alpine-release and musl loader paths, not tests for them', () => {
    expect(
      decision('FROM mycorp/base:1\nRUN cat /etc/alpine-release\n'),
    ).toMatchObject({ name: 'alpine', libc: 'musl', decidedBy: 'system-file' });
    expect(
      decision(
        'FROM mycorp/base:1\nRUN ln -s /lib/libc.musl-x86_64.so.1 /lib/ld-linux-x86-64.so.2\n',
      ),
    ).toMatchObject({
      name: 'unknown',
      libc: 'musl',
      decidedBy: 'system-file',
    });
    expect(
      decision(
        'FROM mycorp/base:1\nRUN if [ -f /etc/alpine-release ]; then echo alpine; fi\n',
      ),
    ).toMatchObject({ libc: 'unknown', decidedBy: 'unknown' });
  });

  it('does not let commands overrule a certain catalog entry', () => {
    // apt-get in an Alpine image is a mistake for glibc-package-manager-in-alpine to report.
    expect(
      decision('FROM node:22-alpine\nRUN apt-get install -y curl\n'),
    ).toMatchObject({ name: 'alpine', decidedBy: 'image-catalog' });
    // Wolfi is glibc and installs with apk.
    expect(
      decision(
        'FROM cgr.dev/chainguard/wolfi-base\nRUN apk add --no-cache git\n',
      ),
    ).toMatchObject({ libc: 'glibc', decidedBy: 'image-catalog' });
  });

  it('lets commands overrule a guess on an image it does not know', () => {
    expect(
      decision('FROM ghcr.io/team/python:3.12\nRUN apk add --no-cache gcc\n'),
    ).toMatchObject({
      name: 'alpine',
      libc: 'musl',
      decidedBy: 'package-manager',
    });
    expect(
      decision('FROM ghcr.io/team/python:3.12\nRUN apt-get install -y gcc\n'),
    ).toMatchObject({ name: 'debian', decidedBy: 'image-catalog' });
  });

  it('reads an image named for Alpine as a guess its commands confirm or overrule', () => {
    expect(decision('FROM mhart/alpine-node:16\nCOPY . /app\n')).toMatchObject({
      name: 'alpine',
      decidedBy: 'image-catalog',
    });
    expect(
      decision('FROM mycorp/alpine-tools:2\nRUN apt-get install -y git\n'),
    ).toMatchObject({ name: 'debian', decidedBy: 'package-manager' });
  });

  it('stays undecided when the stages run package managers of several distributions', () => {
    const text =
      'FROM mycorp/base:1\nRUN if command -v apk; then apk add curl; else apt-get install -y curl; fi\n';
    expect(decision(text)).toMatchObject({
      name: 'unknown',
      libc: 'unknown',
      decidedBy: 'unknown',
    });
  });

  it('shares a decision among the stages built on one image, in both directions', () => {
    const { stages } = model(
      [
        'FROM mycorp/base:1 AS base',
        'WORKDIR /app',
        'FROM base AS build',
        'RUN apk add --no-cache build-base && make',
        'FROM base',
        'COPY --from=build /app/bin /app/bin',
      ].join('\n'),
    );
    expect(
      stages.map(stage => [stage.distro, stage.distroDecision.decidedBy]),
    ).toEqual([
      ['alpine', 'package-manager'],
      ['alpine', 'package-manager'],
      ['alpine', 'parent-stage'],
    ]);
    expect(stages[0].basis).toContain('in stage `build`');
    expect(stages[2].copyEdges[0]).toMatchObject({
      crossesLibc: false,
      source: { libc: 'musl' },
    });
  });

  it('seeds the ENV a known base image sets', () => {
    const [stage] = model(
      'FROM php:8.3-fpm-alpine3.22\nENV PHPIZE_DEPS="$PHPIZE_DEPS linux-headers"\nRUN true\n',
    ).stages;
    expect(stage.env('PHPIZE_DEPS', 2)).toContain('re2c');
    // Docker expands an ENV value when it is set.
    expect(stage.env('PHPIZE_DEPS')).toBe(
      'autoconf dpkg-dev dpkg file g++ gcc libc-dev make pkgconf re2c linux-headers',
    );
    expect(stage.variables[0]).toMatchObject({ kind: 'ENV', line: 0 });
  });
});
