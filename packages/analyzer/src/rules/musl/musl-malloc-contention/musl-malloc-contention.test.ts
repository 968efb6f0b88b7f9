import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM rust:1.88-alpine AS build\nRUN cargo build --release --features mimalloc\nFROM alpine:3.22\nCOPY --from=build /src/target/release/app /app\n',
    'FROM rust:1.88 AS build\nRUN cargo build --release\nFROM debian:12-slim\nCOPY --from=build /src/target/release/app /app\n',
    'FROM alpine:3.22\nRUN apk add --no-cache gdal mimalloc2\nENV LD_PRELOAD=/usr/lib/libmimalloc.so.2\n',
    {
      name: 'only a wasm32 build: its output runs in a browser, not on musl',
      code: 'FROM rust:1.88-alpine AS build\nRUN cargo build --release --target wasm32-unknown-unknown\nFROM nginx:1.29-alpine\nCOPY --from=build /src/target/wasm32-unknown-unknown/release/app.wasm /usr/share/nginx/html/\n',
    },
    'FROM rust:1.88-alpine AS build\nRUN cargo build --release\nFROM debian:12-slim\nCOPY --from=build /src/target/release/app /app\n',
  ],
  invalid: [
    {
      name: 'a wasm32 build in the same RUN is not the musl binary: the finding lands on the native build',
      code: 'FROM rust:1.88-alpine AS build\nRUN cargo build --release --target wasm32-unknown-unknown -p web \\\n && cargo build --release -p server\nFROM alpine:3.22\nCOPY --from=build /src/target/release/server /server\n',
      errors: [{ line: 3, severity: 'info' }],
    },
    {
      code: 'FROM rust:1.88-alpine AS build\nRUN cargo build --release\nFROM alpine:3.22\nCOPY --from=build /src/target/release/app /app\n',
      errors: [
        {
          line: 2,
          severity: 'info',
          messageContains: 'Rust binary built for musl',
        },
      ],
    },
    {
      name: 'a musl target from a Debian builder, and GDAL, reported once',
      code: 'FROM rust:1.88 AS build\nRUN cargo build --release --target x86_64-unknown-linux-musl\nFROM alpine:3.22\nRUN apk add --no-cache gdal-tools\nCOPY --from=build /src/target/x86_64-unknown-linux-musl/release/app /app\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'GDAL alone',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache gdal py3-gdal\n',
      errors: [{ line: 2, messageContains: '`gdal`' }],
    },
  ],
});
