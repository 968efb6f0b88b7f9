#!/usr/bin/env bash
# `yarn test:resilience`, a step of CI after the unit tests: every resilience
# suite of issue #6, the multi-process ones included (the normal test run
# leaves those out), then the API under load with 10,000 entities (about ten
# minutes on 2 cores; see test/resilience/README.md). The permission and
# hostile-input suites of test/security run in the normal test run.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/test-services.sh
source scripts/test-services.sh
ensure_postgres

# The Jest suites under test/resilience, one file at a time: the outage suite
# restarts the shared PostgreSQL, so nothing else may run beside it.
cd test
# (The path pattern goes first: the ignore option takes every word after it.)
yarn backstage-cli package test resilience/ --watchAll=false --runInBand \
  --testPathIgnorePatterns=/node_modules/
cd ..
yarn test:load
