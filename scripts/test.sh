#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, integration, browser).
# The exit status is the tests' verdict. Usage: scripts/test.sh [ctest args...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash scripts/deps.sh --test
if [[ -f tests/e2e/package.json ]]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
bash scripts/build.sh -DCS_BUILD_TESTS=ON
cd "${BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "${JOBS:-2}" "$@"
