import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM mcr.microsoft.com/dotnet/aspnet:9.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\nRUN apk add --no-cache icu-libs\n',
    'FROM mcr.microsoft.com/dotnet/aspnet:9.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true\n',
    'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n',
    'FROM mcr.microsoft.com/dotnet/aspnet:9.0-alpine AS base\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0\nFROM base\nRUN apk add --no-cache icu-libs icu-data-full\n',
    'FROM mcr.microsoft.com/dotnet/aspnet:9.0-alpine\nARG DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n',
    {
      name: "the -extra images ship ICU (dotnet-docker's globalapp sample)",
      code: 'FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine-extra\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false LC_ALL=en_US.UTF-8\nCOPY --from=build /app .\n',
    },
    'FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine3.23-extra AS base\nFROM base\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n',
    'FROM mcr.microsoft.com/dotnet/sdk:10.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n',
  ],
  invalid: [
    {
      name: 'the plain -alpine runtime has no ICU',
      code: 'FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n',
      errors: [{ line: 2, messageContains: 'icu-libs' }],
      output:
        'FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\nRUN apk add --no-cache icu-libs icu-data-full\n',
    },
    {
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\nCOPY app/ /app\n',
      errors: [{ line: 2, messageContains: 'icu-libs' }],
      output:
        'FROM mcr.microsoft.com/dotnet/aspnet:9.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\nRUN apk add --no-cache icu-libs icu-data-full\nCOPY app/ /app\n',
    },
    {
      name: 'Alpine before 3.16 has no separate icu-data-full',
      code: 'FROM alpine:3.15\nENV LANG=C.UTF-8 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0\n',
      errors: [{ line: 2 }],
      output:
        'FROM alpine:3.15\nENV LANG=C.UTF-8 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0\nRUN apk add --no-cache icu-libs\n',
    },
  ],
});
