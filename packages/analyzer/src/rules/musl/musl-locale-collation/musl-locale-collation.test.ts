import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nENV LANG=C.UTF-8\n',
    'FROM debian:12\nENV LANG=de_DE.UTF-8\n',
    'FROM postgres:17-alpine\nENV POSTGRES_INITDB_ARGS="--locale-provider=icu --icu-locale=de-DE"\n',
    'FROM postgres:17-alpine\nENV POSTGRES_INITDB_ARGS="--locale=C"\n',
    'FROM alpine:3.22\nARG LANG=en_US.UTF-8\n',
    {
      name: 'a JDK image: Java collates itself and takes its default locale from LANG',
      code: 'FROM eclipse-temurin:21-jre-alpine\nENV LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8\n',
    },
    'FROM alpine:3.22\nRUN apk add --no-cache openjdk21-jre-headless\nENV LANG=de_DE.UTF-8\n',
    'FROM alpine:3.22\nENV JAVA_HOME=/opt/java/openjdk LANG=fr_FR.UTF-8\n',
    'FROM eclipse-temurin:21-jdk AS jre\nRUN jlink --output /javaruntime\nFROM alpine:3.22\nCOPY --from=jre /javaruntime /opt/java\nENV LANG=en_US.UTF-8\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-alpine\nENV LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8\n',
      errors: [
        { line: 2, severity: 'info', messageContains: 'LANG=en_US.UTF-8' },
        { line: 2, severity: 'info', messageContains: 'LC_ALL' },
      ],
    },
    {
      name: 'Java in one stage does not excuse another',
      code: 'FROM eclipse-temurin:21-jre-alpine AS tool\nFROM alpine:3.22\nENV LANG=en_US.UTF-8\n',
      errors: [
        { line: 3, severity: 'info', messageContains: 'LANG=en_US.UTF-8' },
      ],
    },
    {
      name: 'an unreadable package list is no evidence of Java',
      code: 'FROM alpine:3.22\nRUN runDeps="$(scanelf --needed --nobanner /usr/local/bin/app)"; apk add --no-cache $runDeps\nENV LANG=en_US.utf8\n',
      errors: [
        { line: 3, severity: 'info', messageContains: 'LANG=en_US.utf8' },
      ],
    },
    {
      name: 'postgres Alpine with a libc locale',
      code: 'FROM postgres:17-alpine\nENV LANG=de_DE.utf8\n',
      errors: [
        {
          line: 2,
          severity: 'warning',
          messageContains: 'ICU locale provider',
        },
      ],
    },
    {
      name: 'initdb arguments without the ICU provider, through a stage chain',
      code: 'FROM postgis/postgis:17-3.5-alpine AS db\nFROM db\nENV POSTGRES_INITDB_ARGS="--locale=de_DE.UTF-8 --encoding=UTF8"\n',
      errors: [
        {
          line: 3,
          severity: 'warning',
          messageContains: '--locale-provider=icu',
        },
      ],
    },
  ],
});
