import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM golang:1.24-alpine\nRUN go build -o /out/app .\n',
    'FROM golang:1.24-alpine\nENV CGO_ENABLED=1\nRUN apk add --no-cache gcc musl-dev\nRUN go build -o /out/app .\n',
    'FROM golang:1.24-alpine AS base\nRUN apk add --no-cache build-base\nFROM base\nRUN CGO_ENABLED=1 go build .\n',
    'FROM golang:1.24\nENV CGO_ENABLED=1\nRUN go build .\n',
    'FROM golang:1.24-alpine\nRUN CGO_ENABLED=0 go test ./...\n',
    'FROM golang:1.24-alpine\nRUN go version\n',
    {
      name: "a cross build with tonistiigi/xx: clang on the host, the target's gcc and musl-dev through xx-apk (navidrome)",
      code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.9.0 AS xx\nFROM --platform=$BUILDPLATFORM golang:1.26-alpine AS build\nCOPY --from=xx / /\nARG TARGETPLATFORM\nRUN apk add --no-cache clang lld\nRUN xx-apk add --no-cache gcc musl-dev zlib-dev\nRUN xx-go --wrap && CGO_ENABLED=1 go build -o /out/app .\n',
    },
  ],
  invalid: [
    {
      name: 'xx-apk installs the target packages, but no musl headers among them',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS build\nRUN apk add --no-cache clang\nRUN xx-apk add --no-cache zlib-dev\nRUN CGO_ENABLED=1 go build -o /out/app .\n',
      errors: [{ line: 4, messageContains: 'musl-dev' }],
      output:
        'FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS build\nRUN apk add --no-cache clang\nRUN xx-apk add --no-cache zlib-dev\nRUN apk add --no-cache musl-dev\nRUN CGO_ENABLED=1 go build -o /out/app .\n',
    },
    {
      code: 'FROM golang:1.24-alpine AS build\nENV CGO_ENABLED=1\nRUN go build -o /out/app .\n',
      errors: [{ line: 3, messageContains: '`CGO_ENABLED=1`' }],
      output:
        'FROM golang:1.24-alpine AS build\nENV CGO_ENABLED=1\nRUN apk add --no-cache gcc musl-dev\nRUN go build -o /out/app .\n',
    },
    {
      name: 'race detector, gcc present but no headers',
      code: 'FROM golang:1.24-alpine\nRUN apk add --no-cache gcc\nRUN go test -race ./...\n',
      errors: [{ line: 3, messageContains: 'musl-dev' }],
      output:
        'FROM golang:1.24-alpine\nRUN apk add --no-cache gcc\nRUN apk add --no-cache musl-dev\nRUN go test -race ./...\n',
    },
    {
      name: 'export in the same RUN, C shared library build mode',
      code: 'FROM golang:1.24-alpine\nRUN export CGO_ENABLED=1 && go build -buildmode=c-shared -o /out/lib.so .\n',
      errors: [{ line: 2, messageContains: 'c-shared' }],
      output:
        'FROM golang:1.24-alpine\nRUN apk add --no-cache gcc musl-dev\nRUN export CGO_ENABLED=1 && go build -buildmode=c-shared -o /out/lib.so .\n',
    },
  ],
});
