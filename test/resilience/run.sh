#!/usr/bin/env bash
# `yarn test:resilience`: every resilience suite of issue #6, the long
# multi-process ones included, then the API under load with 10,000 entities
# (about ten minutes; see test/resilience/README.md).
# `yarn test:multi-process` (`--multi-process`, a CI step): the multi-process
# suites alone, which the normal test run leaves out (a few minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/test-services.sh
source scripts/test-services.sh
ensure_postgres

# The Jest suites under test/resilience, multi-process ones too (the normal
# test run ignores test/resilience/multiProcess/), one file at a time.
cd test
if [ "${1:-}" = --multi-process ]; then
  # (The path pattern goes first: the ignore option takes every word after it.)
  yarn backstage-cli package test resilience/multiProcess/ --watchAll=false \
    --runInBand --testPathIgnorePatterns=/node_modules/
  exit 0
fi
yarn backstage-cli package test resilience/ --watchAll=false --runInBand \
  --testPathIgnorePatterns=/node_modules/

# Part 2: permissions with a real policy module and the hostile-input fuzz
# (also in the normal test run), then the API under load.
yarn backstage-cli package test security/ --watchAll=false --runInBand
cd ..
yarn test:load
