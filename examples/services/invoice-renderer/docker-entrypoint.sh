#!/bin/bash
set -euo pipefail

workers="${WORKERS:-2}"
if [[ "${1:-serve}" == "serve" ]]; then
  exec uvicorn invoices.api:app --host 0.0.0.0 --port 8080 --workers "$workers"
fi

exec "$@"
