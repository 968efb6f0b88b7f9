import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'rust-gnu-target-into-alpine',
  title: 'Rust built for the gnu target, run on Alpine',
  category: 'musl',
  severity: 'error',
  rationale:
    'On the Debian-based `rust` images, Cargo builds for `x86_64-unknown-linux-gnu` (or `aarch64-…-gnu`) by default: the binary is dynamically linked against glibc and libgcc_s. Copied into an Alpine stage it fails to start ("no such file or directory").',
  remediation:
    'Build for musl: `rustup target add x86_64-unknown-linux-musl` and `cargo build --release --target x86_64-unknown-linux-musl` (copy from `target/x86_64-unknown-linux-musl/release/`), or build in `rust:*-alpine`, or run on a glibc base such as `debian:*-slim` or distroless `cc`.',
  references: [
    'https://github.com/rami3l/pacaptr/issues/4',
    'https://github.com/LukeMathWalker/cargo-chef/issues/113',
    'https://doc.rust-lang.org/rustc/platform-support.html',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};
