import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM rust:1.88-alpine AS build\nRUN cargo build --release\nFROM alpine:3.22\nCOPY --from=build /src/target/release/app /app\n',
    'FROM rust:1.88 AS build\nRUN cargo build --release --target x86_64-unknown-linux-musl\nFROM alpine:3.22\nCOPY --from=build /src/target/x86_64-unknown-linux-musl/release/app /app\n',
    'FROM rust:1.88 AS build\nENV CARGO_BUILD_TARGET=aarch64-unknown-linux-musl\nRUN cargo build --release\nFROM alpine:3.22\nCOPY --from=build /src/target/aarch64-unknown-linux-musl/release/app /app\n',
    'FROM rust:1.88 AS build\nENV RUSTFLAGS="-C target-feature=+crt-static"\nRUN cargo build --release\nFROM alpine:3.22\nCOPY --from=build /src/target/release/app /app\n',
    'FROM rust:1.88 AS build\nRUN cargo build --release\nFROM debian:12-slim\nCOPY --from=build /src/target/release/app /app\n',
    'FROM rust:1.88 AS build\nRUN cargo build --release\nFROM alpine:3.22\nCOPY --from=build /src/static/index.html /srv/index.html\n',
  ],
  invalid: [
    {
      code: 'FROM rust:1.88 AS build\nWORKDIR /src\nRUN cargo build --release\nFROM alpine:3.22\nCOPY --from=build /src/target/release/app /usr/local/bin/app\n',
      errors: [
        { line: 5, messageContains: 'default *-unknown-linux-gnu target' },
      ],
    },
    {
      name: 'cargo install through a parent stage',
      code: 'FROM rust:1.88 AS tools\nRUN cargo install ripgrep\nFROM tools AS build\nRUN true\nFROM python:3.12-alpine\nCOPY --from=build /usr/local/cargo/bin/rg /usr/local/bin/\n',
      errors: [{ line: 6, messageContains: '`cargo install`' }],
    },
    {
      name: 'an explicit gnu target directory',
      code: 'FROM rust:1.88 AS build\nRUN cargo build --release --target x86_64-unknown-linux-gnu\nFROM alpine:3.22\nCOPY --from=build /src/target/x86_64-unknown-linux-gnu/release/app /app\n',
      errors: [{ line: 4, messageContains: 'gnu-target build' }],
    },
  ],
});
