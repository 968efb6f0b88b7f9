import type { Entity } from '@backstage/catalog-model';

/** A catalog Component whose sources live at `https://scm.test/<name>/`. */
export function component(
  name: string,
  options: {
    owner?: string;
    system?: string;
    annotations?: Record<string, string>;
    lifecycle?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      title: `The ${name} service`,
      annotations: {
        'backstage.io/source-location': `url:https://scm.test/${name}/`,
        ...options.annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: options.lifecycle ?? 'production',
      owner: options.owner ?? 'team-a',
      ...(options.system ? { system: options.system } : {}),
    },
  };
}

export function system(name: string, domain: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default', uid: `uid-system-${name}` },
    spec: { owner: 'team-a', domain },
  };
}

export const CLEAN_DOCKERFILE = [
  'FROM golang:1.22-alpine3.22 AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN go mod download',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build -o /out/app .',
  '',
  'FROM alpine:3.22',
  'RUN apk add --no-cache ca-certificates',
  'COPY --from=build /out/app /usr/local/bin/app',
  'USER 10001',
  'CMD ["app"]',
  '',
].join('\n');

export const APK_CACHE_DOCKERFILE = [
  'FROM alpine:3.22',
  'RUN apk add curl',
  'USER 10001',
  'CMD ["curl", "--version"]',
  '',
].join('\n');
