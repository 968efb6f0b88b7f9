import { testRule } from '../../testing/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN set -o pipefail && wget -qO- https://example.org | tar -xz\n',
    'FROM alpine:3.22\nRUN set -euxo pipefail; wget -qO- https://example.org | tar -xz\n',
    'FROM alpine:3.22\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.org | tar -xz\n',
    'FROM alpine:3.22\nRUN apk add --no-cache curl || true\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir C:\\ | findstr Windows\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN wget -qO- https://example.org/x.tgz | tar -xz\n',
      errors: [{ line: 2, messageContains: '/bin/ash' }],
    },
    {
      name: 'pipefail in another stage does not carry over',
      code: 'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN curl -fsSL https://example.org | sh\n',
      errors: [{ line: 4, messageContains: '/bin/bash' }],
    },
  ],
});
