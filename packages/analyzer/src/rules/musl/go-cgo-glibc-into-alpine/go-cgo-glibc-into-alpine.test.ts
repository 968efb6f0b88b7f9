import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const RUNTIME =
  'FROM alpine:3.22\nCOPY --from=build /out/app /usr/local/bin/app\n';

testRule(rule, {
  valid: [
    // A variable version before a literal -alpine tag is still Alpine (musl on both ends).
    'ARG GO_VERSION\nFROM golang:${GO_VERSION}-alpine3.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.23\nCOPY --from=build /out/app /usr/local/bin/app\n',
    // A variable-only tag may name any variant: no error on a guess.
    'ARG GO_VERSION\nFROM golang:${GO_VERSION} AS build\nRUN go build -o /out/app .\nFROM alpine:3.23\nCOPY --from=build /out/app /usr/local/bin/app\n',
    // An unknown builder image: its libc is unknown, so no error.
    'FROM registry.example.com/ci/go-builder:3 AS build\nRUN go build -o /out/app .\nFROM alpine:3.23\nCOPY --from=build /out/app /usr/local/bin/app\n',
    `FROM golang:1.24-alpine AS build\nRUN go build -o /out/app .\n${RUNTIME}`,
    `FROM golang:1.24 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/app .\n${RUNTIME}`,
    `FROM golang:1.24 AS build\nARG CGO_ENABLED=0\nRUN go build -o /out/app .\n${RUNTIME}`,
    `FROM golang:1.24 AS build\nRUN CGO_ENABLED=0 GOOS=linux go build -o /out/app .\n${RUNTIME}`,
    `FROM golang:1.24 AS build\nRUN export CGO_ENABLED=0 && go build -o /out/app .\n${RUNTIME}`,
    `FROM golang:1.24 AS build\nRUN go env -w CGO_ENABLED=0\nRUN go build -o /out/app .\n${RUNTIME}`,
    `FROM golang:1.24 AS build\nRUN go build -ldflags '-linkmode external -extldflags "-static"' -o /out/app .\n${RUNTIME}`,
    `FROM golang:1.24 AS build\nRUN go build -tags netgo,osusergo -o /out/app .\n${RUNTIME}`,
    'FROM golang:1.24 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out/app /app\n',
    'FROM golang:1.24 AS build\nRUN go build -o /out/app .\nFROM alpine:3.22\nCOPY --from=build /src/config.yaml /etc/app.yaml\n',
    'FROM alpine:3.22\nCOPY --from=golang:1.24 /usr/local/go /usr/local/go\n',
    'FROM golang:1.24 AS build\nWORKDIR /src\nRUN go build ./cmd/server\nFROM alpine:3.22\nCOPY --from=build /src/configs /etc/server\nCOPY --from=build /src/web/index.html /srv/\n',
  ],
  invalid: [
    {
      name: 'an unknown builder that installs with apt-get is glibc',
      code: 'FROM registry.example.com/ci/builder:3 AS build\nRUN apt-get update && apt-get install -y golang-go\nRUN go build -o /out/app .\nFROM alpine:3.23\nCOPY --from=build /out/app /usr/local/bin/app\n',
      errors: [{ line: 5, messageContains: 'cgo on by default' }],
      output:
        'FROM registry.example.com/ci/builder:3 AS build\nENV CGO_ENABLED=0\nRUN apt-get update && apt-get install -y golang-go\nRUN go build -o /out/app .\nFROM alpine:3.23\nCOPY --from=build /out/app /usr/local/bin/app\n',
    },
    {
      name: 'no -o: the binary lands in the working directory under the package name',
      code: 'FROM golang:1.24 AS build\nWORKDIR /src\nRUN go build ./cmd/server\nFROM alpine:3.22\nCOPY --from=build /src/server /usr/local/bin/server\nCOPY --from=build /src/configs /etc/server\n',
      errors: [{ line: 5 }],
      output:
        'FROM golang:1.24 AS build\nENV CGO_ENABLED=0\nWORKDIR /src\nRUN go build ./cmd/server\nFROM alpine:3.22\nCOPY --from=build /src/server /usr/local/bin/server\nCOPY --from=build /src/configs /etc/server\n',
    },
    {
      name: 'cgo on by default; the fix disables it in the builder',
      code: `FROM golang:1.24 AS build\nWORKDIR /src\nRUN go build -o /out/app .\n${RUNTIME}`,
      errors: [{ line: 5, messageContains: 'cgo on by default' }],
      output: `FROM golang:1.24 AS build\nENV CGO_ENABLED=0\nWORKDIR /src\nRUN go build -o /out/app .\n${RUNTIME}`,
    },
    {
      name: 'go install into /go/bin, copied from a child stage of the builder',
      code: 'FROM golang:1.24 AS base\nRUN go install example.org/tool@v1.2.3\nFROM base AS build\nRUN true\nFROM alpine:3.22\nCOPY --from=build /go/bin/tool /usr/local/bin/\n',
      errors: [{ line: 6, messageContains: '`go install`' }],
      output:
        'FROM golang:1.24 AS base\nENV CGO_ENABLED=0\nRUN go install example.org/tool@v1.2.3\nFROM base AS build\nRUN true\nFROM alpine:3.22\nCOPY --from=build /go/bin/tool /usr/local/bin/\n',
    },
    {
      name: 'two COPY lines from one builder: one fix',
      code: 'FROM golang:1.24 AS build\nRUN go build -o /out/a ./a && go build -o /out/b ./b\nFROM alpine:3.22\nCOPY --from=build /out/a /a\nCOPY --from=build /out/b /b\n',
      errors: [{ line: 4 }, { line: 5 }],
      output:
        'FROM golang:1.24 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/a ./a && go build -o /out/b ./b\nFROM alpine:3.22\nCOPY --from=build /out/a /a\nCOPY --from=build /out/b /b\n',
    },
    {
      name: 'cgo turned on explicitly: no mechanical fix',
      code: `FROM golang:1.24 AS build\nENV CGO_ENABLED=1\nRUN go build -o /out/app .\n${RUNTIME}`,
      errors: [{ line: 5, messageContains: 'cgo enabled' }],
    },
    {
      name: 'a Go build on an Ubuntu stage, copied by stage index',
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y golang && go build -o /out/app .\nFROM node:22-alpine\nCOPY --from=0 /out/app /app\n',
      errors: [{ line: 4, messageContains: 'stage `#0`' }],
      output:
        'FROM ubuntu:24.04\nENV CGO_ENABLED=0\nRUN apt-get install -y golang && go build -o /out/app .\nFROM node:22-alpine\nCOPY --from=0 /out/app /app\n',
    },
  ],
});
