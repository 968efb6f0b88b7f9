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
