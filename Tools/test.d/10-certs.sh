#!/usr/bin/env bash
# Stage: the TEST PKI under Certs/ is valid (openssl oracle) and exactly what Tools/certs/generate produces.
set -euo pipefail
REPO="${REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
if [ -n "${VENV:-}" ] && [ -z "${PASSERELLE_TEST_VENV:-}" ]; then
    export PASSERELLE_TEST_VENV="$VENV"
fi
exec "$REPO/Tools/certs/verify"
