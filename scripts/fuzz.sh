#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang, ASan and UBSan into build-fuzz/ and runs
# each for a while on its seeds. Prints one line per target; exit status 0 when none crashed,
# 1 when one did (the input is kept in build-fuzz/crashes/TARGET/), 2 on a usage or build error.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

usage() {
  cat <<EOF
Usage: scripts/fuzz.sh [--seconds N] [--keep-going] [TARGET...] [SECONDS]

Builds the fuzz targets into build-fuzz/ (clang, -DCS_BUILD_FUZZ=ON) and runs each TARGET
(default: all) for N seconds (default 60; a bare number is N too: fuzz.sh extract 600) with
-max_len=65536 -timeout=10 -rss_limit_mb=2048.
Each runs on build-fuzz/corpus/TARGET/, which starts as a copy of tests/fuzz/corpus/TARGET/ and
keeps what earlier runs found (delete it to start over). A crash, sanitizer report or broken
invariant leaves its input in build-fuzz/crashes/TARGET/ and the log in build-fuzz/logs/.

  --seconds N    how long to run each target
  --keep-going   go on after a crash (libFuzzer -fork=1 -ignore_crashes=1 ...), collecting
                 every crashing input of the run instead of stopping at the first
  -h, --help     this text

Targets: $(targets_list)
Environment: BUILD_DIR (default build-fuzz), JOBS (build parallelism, default 2).
Replay an input: build-fuzz/fuzz/fuzz_TARGET FILE
EOF
}

targets_list() {
  local dir names=()
  for dir in "$root"/tests/fuzz/corpus/*/; do names+=("$(basename "$dir")"); done
  echo "${names[*]}"
}

die() {
  echo "fuzz: $*" >&2
  exit 2
}

seconds=60
keep_going=false
targets=()
while (($#)); do
  case "$1" in
    --seconds) seconds=${2:-}; shift $(($# >= 2 ? 2 : 1)) ;;
    --seconds=*) seconds=${1#--seconds=}; shift ;;
    --keep-going) keep_going=true; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *[!0-9]*) targets+=("${1#fuzz_}"); shift ;;
    *) seconds=$1; shift ;;
  esac
done
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || die "--seconds needs a positive number"
build_targets=(--target cs_fuzz)
if ((${#targets[@]})); then
  build_targets=()
  for t in "${targets[@]}"; do build_targets+=(--target "fuzz_$t"); done
else
  read -r -a targets <<<"$(targets_list)"
fi
for t in "${targets[@]}"; do
  [[ -d $root/tests/fuzz/corpus/$t ]] || die "unknown target $t (targets: $(targets_list))"
done

# Debian's clang (14) with libclang-rt-14-dev brings libFuzzer; deps.sh installs what is missing.
bash "$root/scripts/deps.sh" --test
cc=$(command -v clang || command -v clang-14 || true)
cxx=$(command -v clang++ || command -v clang++-14 || true)
[[ -n $cc && -n $cxx ]] || die "clang not found (apt-get install clang libclang-rt-14-dev)"

build="${BUILD_DIR:-$root/build-fuzz}"
CC=$cc CXX=$cxx cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCS_BUILD_FUZZ=ON -DCS_BUILD_TESTS=OFF >/dev/null || exit 2
cmake --build "$build" -j "${JOBS:-2}" "${build_targets[@]}" || exit 2

export UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}"
flags=(-max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048
  -print_final_stats=1)
if $keep_going; then flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1); fi
mkdir -p "$build/logs"
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t" crashes="$build/crashes/$t" log="$build/logs/$t.log"
  mkdir -p "$corpus" "$crashes"
  cp "$root/tests/fuzz/corpus/$t"/* "$corpus/"
  before=$(find "$crashes" -type f | wc -l)
  rc=0 started=$SECONDS
  "$build/fuzz/fuzz_$t" "${flags[@]}" -artifact_prefix="$crashes/" "$corpus" >"$log" 2>&1 || rc=$?
  found=$(($(find "$crashes" -type f | wc -l) - before)) took=$((SECONDS - started))
  # The last status line: "#RUNS<TAB>DONE cov: C ft: F corp: N/SIZE ... exec/s: E ..." (and
  # "#RUNS: cov: ..." in fork mode).
  stats=$(awk '/^#[0-9]+/ && / cov: / { last = $0 }
    END {
      if (last == "") exit
      n = split(last, f, /[ \t]+/)
      runs = f[1]; gsub(/[#:]/, "", runs)
      for (i = 1; i < n; ++i) {
        if (f[i] == "cov:") cov = f[i + 1]
        if (f[i] == "ft:") ft = f[i + 1]
        if (f[i] == "corp:") { corp = f[i + 1]; sub(/\/.*/, "", corp) }
        if (f[i] ~ /^exec\/s:?$/) rate = f[i + 1]
      }
      printf "%s runs, %s/s, cov %s, ft %s, corpus %s", runs, rate, cov, ft, corp
    }' "$log")
  if ((found > 0)); then
    status=1
    newest=$(ls -t "$crashes" | head -n 1)
    printf '%-14s CRASH  %s s  %s  %s input(s), newest %s  log %s\n' "$t" "$took" \
      "${stats:-no stats}" "$found" "${crashes#"$root"/}/$newest" "${log#"$root"/}"
  elif ((rc != 0)); then
    status=1
    printf '%-14s FAILED %s s  exit %s, no input saved  log %s\n' "$t" "$took" "$rc" \
      "${log#"$root"/}"
  else
    printf '%-14s ok     %s s  %s\n' "$t" "$took" "${stats:-no stats}"
  fi
done
exit "$status"
