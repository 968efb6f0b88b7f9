import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'rust-gnu-target-into-alpine',
  title: 'Rust built for the gnu target, run on Alpine',
  category: 'musl',
  severity: 'error',
  remediation:
    'Build for musl: `rustup target add x86_64-unknown-linux-musl` and `cargo build --release --target x86_64-unknown-linux-musl` (copy from `target/x86_64-unknown-linux-musl/release/`), or build in `rust:*-alpine`, or run on a glibc base such as `debian:*-slim` or distroless `cc`.',
  references: [
    'https://github.com/rami3l/pacaptr/issues/4',
    'https://github.com/LukeMathWalker/cargo-chef/issues/113',
    'https://doc.rust-lang.org/rustc/platform-support.html',
  ],
  aliases: [],
  fixable: false,
  messages: {
    gnuTarget:
      '{{what}} from {{source}}: it links glibc dynamically and fails on Alpine; build with --target x86_64-unknown-linux-musl',
  },
  scope: 'alpine',
};
