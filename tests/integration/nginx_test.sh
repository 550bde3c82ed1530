#!/usr/bin/env bash
# searchd behind nginx with the shipped config (scripts/nginx/searchd.conf), end to end:
#  1. a search through nginx answers what searchd answers directly; without the password 401,
#     /healthz needs none;
#  2. 300 connections that each send half a request header to nginx do not stall it: /healthz
#     through nginx still answers within 1 s (nginx holds them, searchd never sees them);
#  3. searchd warns when it listens on a non-loopback address.
# Skips when nginx is not installed (scripts/deps.sh --test installs it).
# Usage: nginx_test.sh BIN_DIR SOURCE_DIR   (defaults: build/bin and the source tree)
set -euo pipefail
src="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
bin="${1:-${CS_BIN_DIR:-$src/build/bin}}"
source "$src/tests/integration/lib.sh"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[[ -x "$nginx_bin" ]] || { echo "SKIP: nginx is not installed"; exit 0; }

root="$tmp/index"
"$bin/corpus-index" --quiet --out "$root" "$src/corpus" >"$tmp/index.log" 2>&1 ||
  fail "indexing the sample corpus: $(cat "$tmp/index.log")"
start_searchd main --index "$root" --cache-mb 0
direct="$base"
searchd_port="${base##*:}"

# The shipped site config, pointed at this searchd, a free port and a password file, inside a
# minimal nginx.conf that keeps every file under $tmp.
nginx_port="$(free_port)"
# nginx workers run as an unprivileged user when started by root: let them reach the files.
chmod 755 "$tmp"
mkdir -p "$tmp/nginx/logs" "$tmp/nginx/temp"
printf 'analyst:{PLAIN}s3cret\n' >"$tmp/nginx/htpasswd"
sed -e "s|127.0.0.1:8080|127.0.0.1:$searchd_port|" -e "s|listen 8443;|listen 127.0.0.1:$nginx_port;|" \
  -e "s|/etc/nginx/searchd.htpasswd|$tmp/nginx/htpasswd|" "$src/scripts/nginx/searchd.conf" \
  >"$tmp/nginx/searchd.conf"
cat >"$tmp/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/temp/body;
  proxy_temp_path $tmp/nginx/temp/proxy;
  fastcgi_temp_path $tmp/nginx/temp/fastcgi;
  uwsgi_temp_path $tmp/nginx/temp/uwsgi;
  scgi_temp_path $tmp/nginx/temp/scgi;
  include $tmp/nginx/searchd.conf;
}
CONF
"$nginx_bin" -t -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" >"$tmp/nginx-t.log" 2>&1 ||
  fail "the shipped config does not pass nginx -t: $(cat "$tmp/nginx-t.log")"
"$nginx_bin" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" 2>"$tmp/nginx.log" &
pids+=("$!")
proxy="http://127.0.0.1:$nginx_port"
for _ in $(seq 1 50); do curl -s -o /dev/null "$proxy/healthz" && break; sleep 0.1; done

# --- 1. searches through nginx ----------------------------------------------------------------
expect 200 "$proxy/healthz"
expect 401 "$proxy/api/search?q=Palmyra"
expect 200 -u analyst:s3cret "$proxy/api/search?q=Palmyra"
through="$(json 'd["total"]' <"$tmp/body")"
expect 200 "$direct/api/search?q=Palmyra"
[[ "$(json 'd["total"]' <"$tmp/body")" == "$through" ]] || fail "nginx and searchd answer different totals"
((through > 0)) || fail "the search through nginx found nothing"
expect 200 -u analyst:s3cret "$proxy/"

# --- 2. half-open connections do not stall it ---------------------------------------------------
python3 - "$nginx_port" >"$tmp/slow.log" 2>&1 <<'PY' &
import socket, sys, time
port = int(sys.argv[1])
held = []
for _ in range(300):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/search?q=a HTTP/1.1\r\nHost: x\r\nX-Slow: ")  # never finished
    held.append(s)
print("holding", len(held), flush=True)
time.sleep(8)
PY
pids+=("$!")
for _ in $(seq 1 50); do grep -q holding "$tmp/slow.log" 2>/dev/null && break; sleep 0.1; done
grep -q "holding 300" "$tmp/slow.log" || fail "could not open 300 connections: $(cat "$tmp/slow.log")"
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$proxy/healthz")" || code=timeout
[[ "$code" == 200 ]] || fail "/healthz through nginx under 300 half-open connections: $code"
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 -u analyst:s3cret "$proxy/api/search?q=Palmyra")" ||
  code=timeout
[[ "$code" == 200 ]] || fail "a search through nginx under 300 half-open connections: $code"

# --- 3. the warning for a non-loopback address ---------------------------------------------------
if try_searchd open --index "$root" --host 0.0.0.0; then
  grep -q "warning: 0.0.0.0 is reachable from other machines" "$tmp/open.log" ||
    fail "no warning for a non-loopback address: $(cat "$tmp/open.log")"
else
  echo "SKIP: searchd cannot listen on 0.0.0.0 here: $(tail -n1 "$tmp/open.log")"
fi
echo "PASS: nginx"
