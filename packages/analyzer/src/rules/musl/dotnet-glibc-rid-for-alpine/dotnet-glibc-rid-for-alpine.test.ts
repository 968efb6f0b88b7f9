import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const SDK = 'FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\n';
const ALPINE_RUNTIME =
  'FROM mcr.microsoft.com/dotnet/runtime-deps:9.0-alpine\nCOPY --from=build /app /app\n';

testRule(rule, {
  valid: [
    `${SDK}RUN dotnet publish -c Release -r linux-musl-x64 -o /app\n${ALPINE_RUNTIME}`,
    `${SDK}RUN dotnet publish -c Release -o /app\n${ALPINE_RUNTIME}`,
    `${SDK}RUN dotnet publish -r linux-x64 -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:9.0\nCOPY --from=build /app /app\n`,
    'FROM mcr.microsoft.com/dotnet/sdk:9.0-alpine\nRUN dotnet publish -r linux-musl-arm64 -o /app\n',
    'FROM mcr.microsoft.com/dotnet/sdk:9.0-alpine\nRUN dotnet test -r linux-x64\n',
    `${SDK}RUN dotnet publish -c Release -o /app\n${ALPINE_RUNTIME}ENTRYPOINT ["dotnet", "/app/Api.dll"]\n`,
    `${SDK}RUN dotnet publish -a $TARGETARCH --os linux-musl -o /app\n${ALPINE_RUNTIME}ENTRYPOINT ["./Api"]\n`,
    'FROM mcr.microsoft.com/dotnet/sdk:9.0-alpine AS build\nRUN dotnet publish -a $TARGETARCH -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:9.0-alpine\nCOPY --from=build /app /app\nENTRYPOINT ["./Api"]\n',
  ],
  invalid: [
    {
      name: 'one RID written twice in a publish, with its restore: the restore is fixed once',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet restore -r linux-x64\nRUN dotnet publish -r linux-x64 --no-restore -r linux-x64 -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine3.22\nCOPY --from=build /app /app\n',
      errors: [{ line: 5, messageContains: '`linux-x64`' }],
      output:
        'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet restore -r linux-musl-x64\nRUN dotnet publish -r linux-musl-x64 --no-restore -r linux-musl-x64 -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine3.22\nCOPY --from=build /app /app\n',
    },
    {
      name: '-a on a Debian SDK means linux-<arch>, glibc',
      code: `${SDK}ARG TARGETARCH\nRUN dotnet publish -a $TARGETARCH --no-restore -o /app\n${ALPINE_RUNTIME}`,
      errors: [{ line: 5, messageContains: '--os linux-musl' }],
      output: `${SDK}ARG TARGETARCH\nRUN dotnet publish -a $TARGETARCH --os linux-musl --no-restore -o /app\n${ALPINE_RUNTIME}`,
    },
    {
      name: 'no RID, but the Alpine stage starts the glibc apphost',
      code: `${SDK}RUN dotnet publish -c Release -o /app\n${ALPINE_RUNTIME}WORKDIR /app\nENTRYPOINT ["./Api"]\n`,
      errors: [{ line: 4, messageContains: 'starts `./Api` directly' }],
      output: `${SDK}RUN dotnet publish --os linux-musl -c Release -o /app\n${ALPINE_RUNTIME}WORKDIR /app\nENTRYPOINT ["./Api"]\n`,
    },
    {
      name: 'glibc RID published on Debian, copied into Alpine',
      code: `${SDK}RUN dotnet publish -c Release -r linux-x64 --self-contained -o /app\n${ALPINE_RUNTIME}`,
      errors: [{ line: 4, messageContains: '`linux-musl-x64`' }],
      output: `${SDK}RUN dotnet publish -c Release -r linux-musl-x64 --self-contained -o /app\n${ALPINE_RUNTIME}`,
    },
    {
      name: 'published in an Alpine SDK stage, --runtime= form',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:9.0-alpine\nRUN dotnet publish --runtime=linux-arm64 -o /app\n',
      errors: [{ line: 2, messageContains: '`linux-musl-arm64`' }],
      output:
        'FROM mcr.microsoft.com/dotnet/sdk:9.0-alpine\nRUN dotnet publish --runtime=linux-musl-arm64 -o /app\n',
    },
    {
      name: 'MSBuild property and --os, through a stage built FROM the publisher',
      code: `${SDK}RUN dotnet build -p:RuntimeIdentifier=linux-x64 && dotnet publish --os linux -o /app\nFROM build AS final-build\nRUN true\nFROM alpine:3.22\nCOPY --from=final-build /app /app\n`,
      errors: [{ line: 6 }, { line: 6 }],
      output: `${SDK}RUN dotnet build -p:RuntimeIdentifier=linux-musl-x64 && dotnet publish --os linux-musl -o /app\nFROM build AS final-build\nRUN true\nFROM alpine:3.22\nCOPY --from=final-build /app /app\n`,
    },
    {
      name: 'restore and publish with the same RID: one finding, both fixed',
      code: `${SDK}RUN dotnet restore -r linux-x64\nRUN dotnet publish -c Release -r linux-x64 --no-restore -o /app\n${ALPINE_RUNTIME}`,
      errors: [{ line: 5, messageContains: 'line 3' }],
      output: `${SDK}RUN dotnet restore -r linux-musl-x64\nRUN dotnet publish -c Release -r linux-musl-x64 --no-restore -o /app\n${ALPINE_RUNTIME}`,
    },
  ],
});
