# Sourced by the shell tests that run searchd (set `bin` first): a temporary folder $tmp removed
# on exit together with every searchd started, and the helpers they share.

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf -- "$tmp"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# json EXPR: EXPR over the JSON on stdin (as `d`), printed.
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# try_searchd NAME ARGS...: starts searchd on a free port; sets $base and $pid; 1 if it never
# answered /healthz (its log is $tmp/NAME.log).
try_searchd() {
  local name="$1"; shift
  local port; port="$(free_port)"
  "$bin/searchd" --port "$port" --threads 4 "$@" 2>"$tmp/$name.log" &
  pid=$!
  pids+=("$pid")
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "$base/healthz" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# start_searchd NAME ARGS...: try_searchd, or fail with its log.
start_searchd() { try_searchd "$@" || { cat "$tmp/$1.log" >&2; fail "searchd $1 did not start"; }; }

# req CURL_ARGS...: the response body goes to $tmp/body; prints the status code.
req() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }
# expect STATUS CURL_ARGS...: the request answers STATUS (body in $tmp/body).
expect() {
  local want="$1"; shift
  local got; got="$(req "$@")"
  [[ "$got" == "$want" ]] || fail "expected $want, got $got for curl $*: $(head -c 400 "$tmp/body")"
}
# error_mentions TEXT: the last body is {"error": "..."} and the message contains TEXT.
error_mentions() {
  local message
  message="$(json 'd["error"]' <"$tmp/body")" || fail "error body is not JSON: $(cat "$tmp/body")"
  grep -qiF -- "$1" <<<"$message" || fail "error '$message' does not mention '$1'"
}
# cs ARGS...: corpus-search on the test index $root.
cs() { "$bin/corpus-search" --index "$root" "$@"; }
# run_rc CMD...: runs CMD (stdout $tmp/out, stderr $tmp/err); its exit code goes to $rc.
rc=0
run_rc() { rc=0; "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?; }
