#!/usr/bin/env bash
# Installs everything and runs every check and test: type-check, lint, unit and
# integration tests (stores on SQLite and PostgreSQL), the resilience suites
# (multi-process, and the API under load), the published packages, the browser tests against the
# demo portal in Debian's Chromium, and fresh create-app apps set up with the
# README's steps.
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
ensure_pre_commit
ensure_cli_test_nodes
ensure_musl_tools
ensure_busybox

step "Type-checking"
yarn tsc

step "Generated code matches its sources (API types from the OpenAPI spec)"
yarn workspace @alpine-advisor/backstage-plugin-common generate:api-types --check

step "API reports of the public packages are up to date (yarn api-reports to refresh them)"
yarn api-reports --ci

step "Package metadata for publishing (backstage-cli repo fix --publish --check)"
yarn backstage-cli repo fix --publish --check

step "Linting"
yarn lint:all

step "Checking formatting"
yarn prettier:check

step "Unit and integration tests"
node scripts/run-tests.mjs

step "Resilience: two replicas, kill -9 mid-sweep, sweep timeout, SCM faults, a PostgreSQL outage, push events on two replicas, the API under load"
# Separate processes on the shared PostgreSQL, which the outage suite
# restarts: after the unit tests, never beside them.
yarn test:resilience

step "Published packages: build, pack, tarball contents, npm publish --dry-run"
yarn test:packages

step "Browser tests"
yarn test:e2e

step "Adoption: fresh create-app apps (new and legacy frontend system) set up with the README's steps"
# Generates two apps from the npm registry and installs them (minutes each;
# they share Yarn's global cache); prints the time of each step and the total.
yarn test:adopt
