#!/usr/bin/env bash
# Installs everything the demo portal needs and starts it on SQLite:
# frontend http://localhost:3000, backend http://localhost:7007.
# Needs only Node (any version with npm) and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

yarn install --immutable
mkdir -p .data
exec yarn start
