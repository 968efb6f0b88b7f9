import { classifyImage } from './imageCatalog';
import { parseImageRef, substituteVariables } from './imageRef';
import { alpineRelease, daysPastEndOfLife } from './alpineReleases';

function classify(image: string) {
  const {
    distro,
    libc,
    alpineRelease: release,
  } = classifyImage(parseImageRef(image));
  return [distro, libc, release];
}

describe('image catalog', () => {
  it.each([
    ['alpine', 'alpine', 'musl', undefined],
    ['alpine:3.20', 'alpine', 'musl', '3.20'],
    ['docker.io/library/alpine:3.19.1', 'alpine', 'musl', '3.19'],
    ['alpine:edge', 'alpine', 'musl', undefined],
    ['python:3.12-alpine', 'alpine', 'musl', undefined],
    ['python:3.9-alpine3.13', 'alpine', 'musl', '3.13'],
    ['node:20-alpine3.22', 'alpine', 'musl', '3.22'],
    ['golang:1.22-alpine', 'alpine', 'musl', undefined],
    ['eclipse-temurin:21-jre-alpine', 'alpine', 'musl', undefined],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-alpine', 'alpine', 'musl', undefined],
    ['mcr.microsoft.com/dotnet/sdk:8.0', 'debian', 'glibc', undefined],
    // The official composer image is built FROM php:*-alpine.
    ['composer:2', 'alpine', 'musl', undefined],
    ['composer/composer:2.8', 'alpine', 'musl', undefined],
    ['eclipse-temurin:21-jdk', 'ubuntu', 'glibc', undefined],
    ['python:3.12-slim', 'debian', 'glibc', undefined],
    ['python:3.12-slim-bookworm', 'debian', 'glibc', undefined],
    ['golang:1.22', 'debian', 'glibc', undefined],
    ['node:20-bullseye', 'debian', 'glibc', undefined],
    ['ubuntu:jammy', 'ubuntu', 'glibc', undefined],
    ['buildpack-deps:noble', 'ubuntu', 'glibc', undefined],
    [
      'registry.access.redhat.com/ubi9/ubi-minimal:9.4',
      'rhel',
      'glibc',
      undefined,
    ],
    ['gcr.io/distroless/static-debian12', 'distroless', 'none', undefined],
    [
      'gcr.io/distroless/base-debian12:nonroot',
      'distroless',
      'glibc',
      undefined,
    ],
    ['cgr.dev/chainguard/node:latest', 'unknown', 'glibc', undefined],
    ['cgr.dev/chainguard/static', 'unknown', 'none', undefined],
    ['scratch', 'scratch', 'none', undefined],
    ['busybox:1.36-musl', 'unknown', 'musl', undefined],
    ['busybox:1.36-glibc', 'unknown', 'glibc', undefined],
    [
      'mcr.microsoft.com/windows/nanoserver:ltsc2022',
      'unknown',
      'unknown',
      undefined,
    ],
    ['mycorp/service:1.2', 'unknown', 'unknown', undefined],
    ['$BASE_IMAGE', 'unknown', 'unknown', undefined],
    // A distribution's own tags never name another distribution.
    ['oraclelinux:9-slim', 'rhel', 'glibc', undefined],
    ['oraclelinux:8-slim-fips', 'rhel', 'glibc', undefined],
    ['amazonlinux:2023-minimal', 'rhel', 'glibc', undefined],
    ['rockylinux:9-minimal', 'rhel', 'glibc', undefined],
    ['almalinux:9-minimal', 'rhel', 'glibc', undefined],
    ['redhat/ubi9-minimal:9.5', 'rhel', 'glibc', undefined],
    [
      'registry.access.redhat.com/ubi9/ubi-micro:9.5',
      'rhel',
      'glibc',
      undefined,
    ],
    ['fedora:41', 'rhel', 'glibc', undefined],
    ['quay.io/centos/centos:stream9-minimal', 'rhel', 'glibc', undefined],
    ['opensuse/leap:15.6', 'unknown', 'glibc', undefined],
    ['photon:5.0', 'unknown', 'glibc', undefined],
    ['cgr.dev/chainguard/wolfi-base:latest', 'unknown', 'glibc', undefined],
    ['debian:bookworm-slim', 'debian', 'glibc', undefined],
    ['alpine:3.21-slim', 'alpine', 'musl', '3.21'],
    ['gcr.io/distroless/cc-debian12:nonroot', 'distroless', 'glibc', undefined],
    // BusyBox: the tag names the C library; the default variant is glibc.
    ['busybox:musl', 'unknown', 'musl', undefined],
    ['busybox:glibc', 'unknown', 'glibc', undefined],
    ['busybox:1.37', 'unknown', 'glibc', undefined],
    ['busybox:uclibc', 'unknown', 'unknown', undefined],
    // Official images built FROM alpine, and -debian/-ubuntu variant tags.
    ['bash:5.2', 'alpine', 'musl', undefined],
    ['mysql:8.4-debian', 'debian', 'glibc', undefined],
    // Variables: tag conventions read the literal parts around them.
    ['golang:${GO_VERSION}-alpine3.23', 'alpine', 'musl', '3.23'],
    ['python:3.12-alpine3.${MINOR}', 'alpine', 'musl', undefined],
    ['node:${NODE_VERSION}-bookworm-slim', 'debian', 'glibc', undefined],
    ['${REGISTRY}/ubuntu', 'ubuntu', 'glibc', undefined],
    ['${REGISTRY}/library/python:3.12-slim', 'debian', 'glibc', undefined],
    ['alpine$TAG', 'alpine', 'musl', undefined],
    ['alpine:${ALPINE_VERSION}', 'alpine', 'musl', undefined],
    // A variable where the variant could be: the default variant is a guess.
    ['golang:${GO_VERSION}', 'unknown', 'unknown', undefined],
    ['node:20-${VARIANT}', 'unknown', 'unknown', undefined],
    ['mycorp/${SERVICE}:1.0', 'unknown', 'unknown', undefined],
  ])('%s is %s / %s (release %s)', (image, distro, libc, release) => {
    expect(classify(image)).toEqual([distro, libc, release]);
  });

  it('marks Windows images, whose RUN goes through cmd', () => {
    expect(
      classifyImage(
        parseImageRef('mcr.microsoft.com/windows/servercore:ltsc2022'),
      ).windows,
    ).toBe(true);
    expect(
      classifyImage(
        parseImageRef('mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022'),
      ).windows,
    ).toBe(true);
    expect(classifyImage(parseImageRef('alpine:3.22')).windows).toBeUndefined();
  });

  it('is certain of official images, distributions and -alpine tags, and only guesses for others', () => {
    const certainty = (image: string) =>
      classifyImage(parseImageRef(image)).certainty;
    expect(certainty('python:3.12')).toBe('certain');
    expect(certainty('mycorp/app:1.0-alpine')).toBe('certain');
    expect(certainty('ghcr.io/team/python:3.12')).toBe('likely');
    expect(certainty('mycorp/app:1.0-slim')).toBe('likely');
    expect(certainty('registry.example.com/platform/base:2')).toBe('unknown');
    // Named for Alpine: a guess, which the stage's own package manager may overrule.
    expect(certainty('mhart/alpine-node:16')).toBe('likely');
    expect(classify('mhart/alpine-node:16')).toEqual([
      'alpine',
      'musl',
      undefined,
    ]);
    expect(classify('ghcr.io/linuxserver/baseimage-alpine:3.20')).toEqual([
      'alpine',
      'musl',
      undefined,
    ]);
    expect(classify('alpine/git:2.43.0')).toEqual([
      'alpine',
      'musl',
      undefined,
    ]);
    expect(classify('mycorp/alpinist:1')).toEqual([
      'unknown',
      'unknown',
      undefined,
    ]);
  });

  it('knows the ENV official images set, per variant', () => {
    const env = (image: string) =>
      classifyImage(parseImageRef(image)).env?.PHPIZE_DEPS;
    expect(env('php:8.3-fpm-alpine3.22')).toBe(
      'autoconf dpkg-dev dpkg file g++ gcc libc-dev make pkgconf re2c',
    );
    expect(env('php:8.3-apache')).toContain('pkg-config');
    expect(env('mycorp/php:8.3-alpine')).toBeUndefined();
    expect(env('python:3.12-alpine')).toBeUndefined();
  });

  it('marks references whose tag is, or may be, a variable', () => {
    const tagIsVariable = (image: string) => parseImageRef(image).tagIsVariable;
    expect(tagIsVariable('golang:${GO_VERSION}')).toBe(true);
    expect(tagIsVariable('alpine$TAG')).toBe(true);
    expect(tagIsVariable('$BASE_IMAGE')).toBe(true);
    expect(tagIsVariable('${REGISTRY}/ubuntu')).toBe(false);
    expect(tagIsVariable('alpine')).toBe(false);
    expect(parseImageRef('${REGISTRY}/library/Ubuntu:24.04')).toMatchObject({
      registry: '${REGISTRY}',
      repository: 'ubuntu',
      tag: '24.04',
    });
  });

  it('parses registries, ports and digests', () => {
    expect(
      parseImageRef('localhost:5000/team/app:1.0@sha256:abc'),
    ).toMatchObject({
      registry: 'localhost:5000',
      repository: 'team/app',
      name: 'app',
      tag: '1.0',
      digest: 'sha256:abc',
    });
  });

  it('substitutes ARG values like BuildKit', () => {
    const values: Record<string, string> = { V: '3.20', EMPTY: '' };
    const lookup = (name: string) => values[name];
    expect(substituteVariables('alpine:${V}', lookup)).toBe('alpine:3.20');
    expect(substituteVariables('alpine:$V', lookup)).toBe('alpine:3.20');
    expect(substituteVariables('alpine:${MISSING:-3.19}', lookup)).toBe(
      'alpine:3.19',
    );
    expect(substituteVariables('alpine:${EMPTY:-3.18}', lookup)).toBe(
      'alpine:3.18',
    );
    expect(substituteVariables('alpine:${MISSING}', lookup)).toBe(
      'alpine:${MISSING}',
    );
  });
});

describe('Alpine releases', () => {
  it('knows musl versions and end-of-life dates', () => {
    expect(alpineRelease('3.18.4')?.musl).toBe('1.2.4');
    expect(alpineRelease('3.17')?.musl).toBe('1.2.3');
    expect(alpineRelease('9.99')).toBeUndefined();
    const now = new Date('2026-11-28T00:00:00Z');
    expect(daysPastEndOfLife('3.12', now)).toBeGreaterThan(365);
    expect(daysPastEndOfLife('3.22', now)).toBeLessThan(0);
  });

  it('knows 3.24 (musl 1.2.6, supported until 2028-06-01)', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    expect(alpineRelease('3.24.1')?.musl).toBe('1.2.6');
    expect(daysPastEndOfLife('3.24', now)).toBeLessThan(0);
    expect(daysPastEndOfLife('3.24', new Date('2028-06-02T00:00:00Z'))).toBe(1);
  });

  it('has no row for a branch newer than the table, and guesses no musl version', () => {
    // alpine-release-unknown and alpine-release-implausible report such tags.
    const now = new Date('2026-12-05T00:00:00Z');
    expect(alpineRelease('3.25')).toBeUndefined();
    expect(daysPastEndOfLife('3.25', now)).toBeUndefined();
    expect(classify('alpine:3.25')).toEqual(['alpine', 'musl', '3.25']);
  });
});
