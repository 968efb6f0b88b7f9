import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the repository's Dockerfiles live, relative to its root. */
const SEED_DIRECTORIES = ['test/corpus', 'examples'];
const DOCKERFILE_NAME = /^(Dockerfile(\..*)?|.*\.Dockerfile|Containerfile)$/i;

export const REPOSITORY_ROOT = resolve(__dirname, '../../../../..');

/** Tricky syntax that must be in every run, corpus or not. */
export const BUILT_IN_SEEDS = [
  [
    '# syntax=docker/dockerfile:1.7',
    'ARG ALPINE_VERSION=3.20',
    'FROM golang:1.22 AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN --mount=type=cache,target=/root/.cache/go-build go mod download',
    'COPY . .',
    'RUN go build -o /out/app ./cmd/app',
    '',
    'FROM alpine:${ALPINE_VERSION}',
    'RUN apk add --no-cache ca-certificates tzdata \\',
    '    # certificates for outbound TLS',
    '    && adduser -D -u 10001 app',
    'COPY --from=build --chown=app:app /out/app /usr/local/bin/app',
    'USER app',
    'ENTRYPOINT ["/usr/local/bin/app"]',
    '',
  ].join('\n'),
  [
    'FROM python:3.12-alpine3.20 AS base',
    'RUN apk update',
    'RUN apk add --virtual .build-deps gcc musl-dev libffi-dev && \\',
    '    pip install -r requirements.txt',
    'RUN <<EOF',
    'set -eux',
    'apk del .build-deps',
    'echo "# not a comment instruction"',
    'EOF',
    'COPY <<-EOT /etc/app.conf',
    '\tkey=value',
    '\tEOT',
    'run ["python", "-m", "app"]',
    'onbuild RUN apk add curl',
    'CMD python -m app',
    '',
  ].join('\n'),
  [
    '# escape=`',
    'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build',
    'RUN dotnet publish -c Release `',
    '    -r linux-x64 -o C:\\app',
    'FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine',
    'COPY --from=build C:\\app /app',
    '',
  ].join('\r\n'),
  'FROM alpine\nRUN <<EOF\napk add curl\n',
  'FROM alpine\nRUN echo "unterminated \\\n',
  'FROM --platform=$BUILDPLATFORM node:20-alpine AS deps\nCOPY package*.json ./\nRUN npm ci\nFROM node:20 AS runtime\nCOPY --from=deps /app/node_modules ./node_modules\n',
];

/** The repository's Dockerfiles (test corpus, examples) plus the built-in seeds. */
export function loadSeedDockerfiles(root = REPOSITORY_ROOT): string[] {
  const files: string[] = [];
  for (const directory of SEED_DIRECTORIES) {
    collectDockerfiles(join(root, directory), files);
  }
  return [...BUILT_IN_SEEDS, ...files.map(file => readFileSync(file, 'utf8'))];
}

function collectDockerfiles(directory: string, into: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(directory, entry);
    const stats = statSync(path);
    if (stats.isDirectory()) collectDockerfiles(path, into);
    else if (DOCKERFILE_NAME.test(entry) && stats.size < 1024 * 1024)
      into.push(path);
  }
}
