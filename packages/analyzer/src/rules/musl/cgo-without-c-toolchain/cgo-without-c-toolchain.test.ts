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
  ],
  invalid: [
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
