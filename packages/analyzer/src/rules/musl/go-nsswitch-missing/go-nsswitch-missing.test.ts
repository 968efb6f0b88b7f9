import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM golang:1.24 AS build\nRUN go build -o /out/app .\nFROM alpine:3.22\nCOPY --from=build /out/app /app\n',
    'FROM golang:1.15 AS build\nRUN go build -o /out/app .\nFROM alpine:3.12\nCOPY --from=build /out/app /app\nRUN echo "hosts: files dns" > /etc/nsswitch.conf\n',
    'FROM golang:1.15 AS build\nRUN go build -o /out/app .\nFROM alpine:3.12\nCOPY nsswitch.conf /etc/nsswitch.conf\nCOPY --from=build /out/app /app\n',
    'FROM golang:1.15 AS build\nRUN go build -o /out/app .\nFROM debian:10-slim\nCOPY --from=build /out/app /app\n',
    'FROM golang:latest AS build\nRUN go build -o /out/app .\nFROM alpine:3.22\nCOPY --from=build /out/app /app\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.15 AS build\nRUN go build -o /out/app .\nFROM alpine:3.12\nCOPY --from=build /out/app /app\nCMD ["/app"]\n',
      errors: [{ line: 4, messageContains: 'Go 1.15' }],
      output:
        'FROM golang:1.15 AS build\nRUN go build -o /out/app .\nFROM alpine:3.12\nCOPY --from=build /out/app /app\nCMD ["/app"]\nRUN echo "hosts: files dns" > /etc/nsswitch.conf\n',
    },
    {
      name: 'built in the Alpine runtime itself',
      code: 'FROM golang:1.14-alpine3.12\nRUN go build -o /app .\n',
      errors: [{ line: 1, messageContains: 'Go 1.14' }],
      output:
        'FROM golang:1.14-alpine3.12\nRUN go build -o /app .\nRUN echo "hosts: files dns" > /etc/nsswitch.conf\n',
    },
  ],
});
