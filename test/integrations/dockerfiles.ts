/*
 * Tiny Dockerfiles the CI integration tests lint; written for these tests.
 * Their findings come from the real analyzer in the packed CLI.
 */
export const INTEGRATION_DOCKERFILES = {
  /** Pinned Alpine release, non-root user, exec-form CMD: no finding. */
  clean: ['FROM alpine:3.22', 'USER 65534', 'CMD ["/bin/true"]', ''].join('\n'),
  /** `apk add` without `--no-cache` on line 2: an `apk-no-cache` warning, nothing worse. */
  warningOnly: [
    'FROM alpine:3.22',
    'RUN apk add curl',
    'USER 65534',
    'CMD ["/bin/true"]',
    '',
  ].join('\n'),
  /** A cgo-enabled Go binary built on Debian run on Alpine: an error-level musl finding. */
  muslError: [
    'FROM golang:1.22 AS build',
    'RUN go build -o /app .',
    'FROM alpine:3.22',
    'COPY --from=build /app /app',
    'USER 65534',
    'CMD ["/app"]',
    '',
  ].join('\n'),
};
