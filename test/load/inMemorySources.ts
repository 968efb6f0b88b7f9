import type {
  DockerfileSourceReader,
  SourceSnapshot,
} from '@alpine-advisor/backstage-plugin-node';

/** Where the synthetic services' sources "live"; only this reader reads them. */
export const LOAD_SOURCE_BASE = 'https://load.test';

/**
 * A handful of realistic Dockerfiles (clean, cache left behind, glibc binary
 * into Alpine, end-of-life release) so that findings, grades and rule
 * tallies are spread as in a real catalog.
 */
const VARIANTS = [
  [
    'FROM golang:1.22-alpine3.22 AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    'RUN CGO_ENABLED=0 go build -o /out/app .',
    'FROM alpine:3.22',
    'RUN apk add --no-cache ca-certificates',
    'COPY --from=build /out/app /usr/local/bin/app',
    'USER 10001',
    'CMD ["app"]',
  ],
  ['FROM alpine:3.22', 'RUN apk add curl', 'USER 10001', 'CMD ["curl"]'],
  [
    'FROM golang:1.22 AS build',
    'WORKDIR /src',
    'COPY . .',
    'RUN go build -o /out/app .',
    'FROM alpine:3.22',
    'COPY --from=build /out/app /app',
    'CMD ["/app"]',
  ],
  [
    'FROM alpine:3.12',
    'RUN apk upgrade && apk add --no-cache bash',
    'COPY . /app',
    'CMD /app/run',
  ],
];

/**
 * Serves every synthetic service's Dockerfiles from memory, so that a load
 * test fills the store through the plugin's own sweep (real analysis, real
 * writes) without an SCM in the way.
 */
export class InMemoryLoadSources implements DockerfileSourceReader {
  readonly id = 'load-test-memory';

  canRead(location: { type: string; target: string }): boolean {
    return (
      location.type === 'url' && location.target.startsWith(LOAD_SOURCE_BASE)
    );
  }

  async read(request: {
    location: { target: string };
    patterns?: string[];
  }): Promise<SourceSnapshot> {
    const service = Number(/svc-(\d+)/.exec(request.location.target)?.[1] ?? 0);
    const paths = request.patterns ?? ['Dockerfile'];
    return {
      revision: `load-${service}`,
      dockerfiles: paths.map((path, index) => ({
        path,
        content: `${VARIANTS[(service + index) % VARIANTS.length].join(
          '\n',
        )}\n`,
      })),
      configFiles: [],
    };
  }
}
