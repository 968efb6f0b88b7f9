#!/usr/bin/env bash
# Installs everything and runs every check and test: type-check, lint, unit and
# integration tests (stores on SQLite and PostgreSQL), and the browser tests
# against the demo portal in Debian's Chromium.
# Needs only Node (any version with npm), the npm registry and Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
source scripts/test-services.sh

export CI=true
step() { printf '\n==> %s\n' "$*"; }

step "Installing dependencies"
yarn install --immutable

step "Starting the services the tests need"
ensure_postgres
ensure_chromium
ensure_vim

step "Type-checking"
yarn tsc

step "Linting"
yarn lint:all

step "Checking formatting"
yarn prettier:check

step "Unit and integration tests"
node scripts/run-tests.mjs

step "Browser tests"
yarn test:e2e
