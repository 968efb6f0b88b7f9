import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const RUST_BUILD =
  'FROM rust:1.88-alpine AS build\nCOPY . /src\nRUN cd /src && cargo build --release\nFROM alpine:3.22\nCOPY --from=build /src/target/release/app /app\n';

/** A Cargo.lock of `app` and the crates given, as a build context. */
function cargoLock(...crates: string[]) {
  const packages = ['app', ...crates]
    .map(name => `[[package]]\nname = "${name}"\nversion = "0.1.0"\n`)
    .join('\n');
  return {
    files: [{ path: 'Cargo.lock', content: `version = 4\n\n${packages}` }],
  };
}

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
    {
      name: 'Cargo.lock locks mimalloc: the binary links it as its allocator (meilisearch)',
      code: RUST_BUILD,
      context: cargoLock('libmimalloc-sys', 'mimalloc'),
    },
    {
      name: 'Cargo.lock locks tikv-jemallocator',
      code: RUST_BUILD,
      context: cargoLock('tikv-jemalloc-sys', 'tikv-jemallocator'),
    },
  ],
  invalid: [
    {
      name: 'Cargo.lock locks no allocator crate',
      code: RUST_BUILD,
      context: cargoLock('serde', 'tokio'),
      errors: [{ line: 3, messageContains: 'Rust binary built for musl' }],
    },
    {
      name: 'an allocator crate does not speak for GDAL, which is not Rust',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache gdal py3-gdal\n',
      context: cargoLock('mimalloc'),
      errors: [{ line: 2, messageContains: '`gdal`' }],
    },
    {
      name: 'Rust refuted by its lock, GDAL still reported',
      code: 'FROM rust:1.88-alpine AS build\nRUN cargo build --release\nFROM alpine:3.22\nRUN apk add --no-cache gdal\nCOPY --from=build /src/target/release/app /app\n',
      context: cargoLock('mimalloc'),
      errors: [{ line: 4, messageContains: '`gdal`' }],
    },
    {
      name: 'a Cargo.lock that does not parse: reported as before (the report notes the file)',
      code: RUST_BUILD,
      context: {
        files: [{ path: 'Cargo.lock', content: '[[package]\nname = ' }],
      },
      errors: [{ line: 3 }],
    },
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
