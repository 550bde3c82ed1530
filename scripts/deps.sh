#!/usr/bin/env bash
# Installs the Debian packages the project needs, if any is missing (one apt-get update, then
# one apt-get install). Sourced or run by run.sh and test.sh. Usage: deps.sh [--test]
set -euo pipefail

# jq: scripts/reindex.sh reads corpus-index's JSON with it (a few ms, where starting Python
# took a tenth of a second or more: a noticeable part of adding one article).
# libjemalloc-dev: corpus-index's allocator (cmake/Dependencies.cmake).
packages=(cmake g++ make pkg-config clang-format libxapian-dev xapian-tools libicu-dev libcli11-dev
          libcpp-httplib-dev catch2 nlohmann-json3-dev libgumbo-dev libcld2-dev libjemalloc-dev
          curl jq)
if [[ "${1:-}" == "--test" ]]; then
  # python3: the integration tests and bench/ read JSON and build corpora with it.
  packages+=(python3)
  # clang with libclang-rt-14-dev: libFuzzer, for scripts/fuzz.sh.
  packages+=(chromium wrk time libbenchmark-dev nginx clang libclang-rt-14-dev)
  # Node.js may come from another packaging (its own npm included): check the commands.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  # Packages with services (nginx) are installed, not started: the tests start their own
  # instances, and a system nginx on port 80 is nobody's business here.
  policy=/usr/sbin/policy-rc.d
  own_policy=false
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
    "${sudo_cmd[@]}" chmod +x "$policy"
    own_policy=true
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  [[ $own_policy == false ]] || "${sudo_cmd[@]}" rm -f "$policy"
fi
