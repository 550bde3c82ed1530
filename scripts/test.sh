#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, integration, browser, fuzz seed
# replays). The exit status is the tests' verdict.
# Usage: scripts/test.sh [--sanitize] [ctest args...]
#   --sanitize  build into build-sanitize/ with ASan and UBSan (-O1, line tables; any report
#               fails its test) and run every test against that build: what CI runs
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sanitize=0
if [[ "${1:-}" == --sanitize ]]; then
  sanitize=1
  shift
fi

bash scripts/deps.sh --test
if [[ -f tests/e2e/package.json ]]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
if ((sanitize)); then
  export BUILD_DIR="${BUILD_DIR:-$root/build-sanitize}" BUILD_TYPE=None
  bash scripts/build.sh -DCS_BUILD_TESTS=ON -DCS_SANITIZE="address;undefined" \
    -DCMAKE_CXX_FLAGS="-O1 -g1"
  # Leaks are reported too; UBSan stops at its first report (-fno-sanitize-recover).
  export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
  export UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}"
else
  bash scripts/build.sh -DCS_BUILD_TESTS=ON
fi
cd "${BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "${JOBS:-2}" "$@"
