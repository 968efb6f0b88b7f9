import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const SQLITE = {
  files: [
    {
      path: 'go.mod',
      content:
        'module example.com/app\n\ngo 1.23\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.22\n)\n',
    },
  ],
};
const PURE = {
  files: [
    {
      path: 'go.mod',
      content:
        'module example.com/app\n\ngo 1.23\n\nrequire modernc.org/sqlite v1.33.1\n',
    },
  ],
};

testRule(rule, {
  valid: [
    {
      name: 'no context',
      code: 'FROM golang:1.23-alpine\nRUN CGO_ENABLED=0 go build -o /app .\n',
    },
    {
      name: 'refuted: a pure-Go driver',
      code: 'FROM golang:1.23-alpine\nRUN CGO_ENABLED=0 go build -o /app .\n',
      context: PURE,
    },
    {
      name: 'gopacket: only its pcap package needs cgo, which go.mod cannot tell',
      code: 'FROM golang:1.23-alpine\nRUN CGO_ENABLED=0 go build -o /app ./cmd/tailscaled\n',
      context: {
        files: [
          {
            path: 'go.mod',
            content:
              'module tailscale.com\n\ngo 1.23\n\nrequire github.com/google/gopacket v1.1.19\n',
          },
        ],
      },
    },
    {
      name: 'cgo on with a compiler',
      code: 'FROM golang:1.23-alpine\nRUN apk add --no-cache build-base\nRUN CGO_ENABLED=1 go build -o /app .\n',
      context: SQLITE,
    },
    {
      name: 'a glibc builder has gcc, so cgo is on by default',
      code: 'FROM golang:1.23\nRUN go build -o /app .\n',
      context: SQLITE,
    },
  ],
  invalid: [
    {
      name: 'CGO_ENABLED=0 in ENV',
      code: 'FROM golang:1.23-alpine\nENV CGO_ENABLED=0\nRUN go build -o /app .\n',
      context: SQLITE,
      errors: [
        {
          line: 3,
          severity: 'error',
          messageContains:
            'confirmed by go.mod: it requires `github.com/mattn/go-sqlite3`',
          evidence: { source: 'go.mod', verdict: 'confirmed' },
        },
      ],
    },
    {
      name: 'an Alpine builder without gcc turns cgo off',
      code: 'FROM golang:1.23-alpine\nRUN go build -o /app .\n',
      context: SQLITE,
      errors: [{ line: 2, messageContains: 'no C compiler' }],
    },
  ],
});
