import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM eclipse-temurin:21-alpine AS jre\nRUN jlink --add-modules java.base --output /javaruntime\nFROM alpine:3.22\nCOPY --from=jre /javaruntime /opt/java\n',
    'FROM maven:3.9-eclipse-temurin-21 AS build\nRUN mvn -q package\nFROM eclipse-temurin:21-jre-alpine\nCOPY --from=build /src/target/app.jar /app.jar\n',
    'FROM alpine:3.22\nRUN wget -q https://github.com/adoptium/temurin21-binaries/releases/download/x/OpenJDK21U-jre_x64_alpine-linux_hotspot_21.0.7_6.tar.gz\n',
    'FROM eclipse-temurin:21 AS jre\nRUN true\nFROM debian:12-slim\nCOPY --from=jre /opt/java/openjdk /opt/java\n',
    'FROM alpine:3.22\nRUN apk add --no-cache openjdk21-jre\n',
  ],
  invalid: [
    {
      name: 'a jlink runtime from a glibc JDK stage',
      code: 'FROM eclipse-temurin:21 AS jre\nRUN jlink --add-modules java.base --output /javaruntime\nFROM alpine:3.22\nCOPY --from=jre /javaruntime /opt/java\n',
      errors: [{ line: 4, messageContains: '`/javaruntime`' }],
    },
    {
      name: 'the JDK directory of an external image',
      code: 'FROM alpine:3.22\nCOPY --from=eclipse-temurin:17-jre /opt/java/openjdk /opt/java/openjdk\n',
      errors: [{ line: 2, messageContains: 'jlink in an Alpine JDK stage' }],
    },
    {
      name: 'Java 11 from a glibc image has no musl port',
      code: 'FROM openjdk:11-jdk AS jdk\nRUN true\nFROM node:22-alpine\nCOPY --from=jdk /usr/local/openjdk-11 /usr/local/openjdk-11\n',
      errors: [
        { line: 4, messageContains: 'Java 11 has no upstream musl build' },
      ],
    },
    {
      name: 'a generic Linux JDK archive downloaded, by RUN and by ADD',
      code: 'FROM alpine:3.22\nRUN curl -fsSLO https://github.com/adoptium/temurin21-binaries/releases/download/x/OpenJDK21U-jre_x64_linux_hotspot_21.0.7_6.tar.gz\nADD https://corretto.aws/downloads/latest/amazon-corretto-21-x64-linux-jdk.tar.gz /opt/\n',
      errors: [
        { line: 2, messageContains: 'OpenJDK21U' },
        { line: 3, messageContains: 'corretto' },
      ],
    },
  ],
});
