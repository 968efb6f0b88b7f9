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

  it('treats a branch newer than the table as supported, with no musl version guessed', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    expect(alpineRelease('3.24')).toBeUndefined();
    expect(daysPastEndOfLife('3.24', now)).toBeUndefined();
    expect(classify('alpine:3.24')).toEqual(['alpine', 'musl', '3.24']);
  });
});
