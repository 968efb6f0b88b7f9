import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM php:8.3-fpm-alpine3.22\nRUN apk add --no-cache --virtual .build-deps $PHPIZE_DEPS && pecl install redis-6.2.0 && docker-php-ext-enable redis && apk del .build-deps\n',
    'FROM alpine:3.22\nRUN BUILD_DEPS="gcc make musl-dev" && apk add --no-cache $BUILD_DEPS && make && apk del $BUILD_DEPS\n',
    'FROM alpine:3.22\nARG BUILD_DEPS\nRUN apk add --no-cache $BUILD_DEPS\n',
    'FROM alpine:3.22 AS build\nRUN apk add --no-cache build-base\nFROM alpine:3.22\nCOPY --from=build /out /app\n',
    'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps\n',
    'FROM alpine:3.22\nRUN apk add --no-cache gcc && make && apk del gcc\n',
    'FROM alpine:3.22\nRUN apk add --no-cache libffi openssl\n',
    'FROM debian:12\nRUN apk add build-base\n',
    {
      name: 'headers alone are not a toolchain',
      code: 'FROM python:3.12-alpine3.22\nRUN apk add --no-cache postgresql-dev\n',
    },
    {
      name: 'build tools and headers without a compiler',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache make binutils protobuf-dev\n',
    },
    {
      name: 'an image built on a compiler image keeps its toolchain on purpose',
      code: 'FROM golang:1.24-alpine3.22\nRUN apk add --no-cache gcc musl-dev git\n',
    },
    'FROM rust:1.85-alpine3.22\nRUN apk add --no-cache musl-dev openssl-dev\n',
    'FROM mcr.microsoft.com/dotnet/sdk:9.0-alpine3.22\nRUN apk add --no-cache clang build-base zlib-dev\n',
    {
      name: 'a final stage named for building (a codegen image)',
      code: 'FROM alpine:3.22 AS builder\nRUN apk add --no-cache g++ make protobuf-dev\nWORKDIR /src\n',
    },
    {
      name: 'an image that installs a language toolchain itself (a Rust image)',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache ca-certificates gcc musl-dev\nENV RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo\nRUN wget -q https://static.rust-lang.org/rustup/dist/x86_64-unknown-linux-musl/rustup-init\n',
    },
    {
      name: 'a CI image that copies the Go toolchain in',
      code: 'FROM golang:1.24-alpine3.22 AS go\nFROM node:22-alpine3.22\nRUN apk add --no-cache make gcc musl-dev\nCOPY --from=go /usr/local/go /usr/local/go\n',
    },
    {
      name: 'an image whose entry point is a build script',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache ghc cabal g++ libffi-dev\nCOPY build /usr/bin\nENTRYPOINT ["/usr/bin/build"]\n',
    },
    {
      name: 'an image that starts a compiler or build tool',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache build-base\nENTRYPOINT ["make"]\n',
    },
  ],
  invalid: [
    {
      name: '$PHPIZE_DEPS, set by the official php image, left in the final stage',
      code: 'FROM php:8.3-cli-alpine3.22\nRUN apk add --no-cache $PHPIZE_DEPS && pecl install xdebug-3.4.0 && docker-php-ext-enable xdebug\n',
      errors: [
        {
          line: 2,
          messageContains:
            'autoconf, dpkg-dev, g++, gcc, libc-dev, make, pkgconf',
        },
      ],
    },
    {
      name: 'a list assigned in the RUN itself',
      code: 'FROM alpine:3.22\nRUN deps="build-base cmake"; apk add --no-cache $deps; make\n',
      errors: [{ line: 2, messageContains: 'build-base, cmake' }],
    },
    {
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache build-base libffi-dev curl\n',
      errors: [{ line: 2, messageContains: 'build-base, libffi-dev' }],
    },
    {
      name: 'packages listed in an ENV variable',
      code: 'FROM alpine:3.22\nENV BUILD_DEPS="gcc musl-dev make" RUNTIME_DEPS="libffi"\nRUN apk add --no-cache $BUILD_DEPS $RUNTIME_DEPS\n',
      errors: [{ line: 3, messageContains: 'gcc, musl-dev, make' }],
    },
    {
      name: 'headers are listed with the compiler, from another RUN',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache gcc\nRUN apk add --no-cache libffi-dev\nCMD ["app"]\n',
      errors: [
        { line: 2, messageContains: '(gcc)' },
        { line: 3, messageContains: '(libffi-dev)' },
      ],
    },
    {
      name: 'a builder stage name on a stage that is not the final one does not count',
      code: 'FROM alpine:3.22 AS builder\nRUN apk add --no-cache gcc\nFROM builder AS app\nCMD ["app"]\n',
      errors: [{ line: 2, messageContains: 'gcc' }],
    },
    {
      name: 'a base on plain Alpine that starts nothing of its own (a shared build base): advice',
      code: 'FROM alpine:3.24\nLABEL org.opencontainers.image.description="shared build base"\nRUN apk add --no-cache g++ make autoconf openssl-dev\n',
      errors: [
        {
          line: 3,
          severity: 'info',
          messageContains: 'an image that starts no service of its own',
        },
      ],
    },
    {
      name: 'an application runtime base starts its own program: still a warning',
      code: 'FROM php:8.3-fpm-alpine3.22\nRUN apk add --no-cache $PHPIZE_DEPS && pecl install redis-6.2.0 && docker-php-ext-enable redis\n',
      errors: [{ line: 2, severity: 'warning' }],
    },
    {
      name: 'a CI tool image whose entrypoint is a shell behind tini (traefik docs check): advice, as root-user reads it',
      code: 'FROM alpine:3.24\nRUN apk --no-cache add build-base ruby-dev\nRUN gem install nokogiri --no-document\nENTRYPOINT ["/sbin/tini", "-g", "sh"]\n',
      errors: [
        { line: 2, severity: 'info', messageContains: 'no service of its own' },
      ],
    },
    {
      name: 'a toolbox that idles until someone execs into it',
      code: 'FROM alpine:3.24\nRUN apk add --no-cache gcc musl-dev gdb\nCMD ["sleep", "infinity"]\n',
      errors: [{ line: 2, severity: 'info' }],
    },
    {
      name: 'a language base with no command of its own (the REPL)',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc musl-dev\n',
      errors: [{ line: 2, severity: 'info' }],
    },
    {
      name: 'a base whose own command is a service: that service ships the toolchain',
      code: 'FROM nginx:1.29-alpine\nRUN apk add --no-cache gcc musl-dev\n',
      errors: [{ line: 2, severity: 'warning' }],
    },
    {
      name: 'a service behind tini: a warning',
      code: 'FROM alpine:3.24\nRUN apk add --no-cache build-base\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["/usr/local/bin/server"]\n',
      errors: [{ line: 2, severity: 'warning' }],
    },
    {
      name: 'inherited through FROM <stage>',
      code: 'FROM alpine:3.22 AS base\nRUN apk add --no-cache gcc\nFROM base\nCMD ["app"]\n',
      errors: [{ line: 2, messageContains: 'gcc' }],
    },
  ],
});
