#!/usr/bin/env bash
# Two `jobtwin serve` (release build) behind nginx on one PostgreSQL, next to one `serve` on
# SQLite, under the same wrk load as Benchmarks/serve-load.sh: persisted turns (POST
# /v1/messages with a request id) over 1,000 participants whose conversations were opened
# first. Prints turns/s and p99 of both and their ratio (target: the two on PostgreSQL reach at
# least the one on SQLite's turns/s, with p99 ≤ 50 ms).
#
# PostgreSQL is a private cluster on loopback (scripts/postgres-test-server: fsync off, as the
# SQLite store's synchronous=NORMAL does not sync each commit either); nginx is Debian's, with
# an upstream of both instances and kept-alive connections to them. Everything runs on the same
# cores as wrk.
#
# Usage: Benchmarks/postgres-load.sh [duration-seconds] [connections]
# Needs wrk, nginx and postgresql (installed here when missing), and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-32}
participants=1000

sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
install() {
  echo "Installing $1 …" >&2
  $sudo apt-get install -y -q "$1" >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "$1" >/dev/null; }
}
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || install nginx
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || install postgresql
nginx=$(command -v nginx || echo /usr/sbin/nginx)

# shellcheck source=serve-common.sh
. Benchmarks/serve-common.sh      # one serve on SQLite: bin, tmp, token, server, url
pg=$(mktemp -d)
others=()
stop_all() {
  for pid in "${others[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  scripts/postgres-test-server stop "$pg" || true
  rm -rf "$pg"
  cleanup
}
trap stop_all EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Opens the participants' conversations, then loads DURATION seconds; prints "turns/s p99".
load() {
  local target=$1 name=$2 opened=0
  while [ "$opened" -lt "$participants" ]; do
    done_now=$(TOKEN=$token PARTICIPANTS=$participants OFFSET=$opened LIMIT=$((participants - opened)) RUN=$name-open-$opened \
      wrk -t1 -c"$connections" -d2s -s Benchmarks/serve-load.lua "$target" | awk '/requests in/ {print $1}')
    opened=$((opened + done_now))
  done
  TOKEN=$token PARTICIPANTS=$participants RUN=$name-$(date +%s) \
    wrk -t1 -c"$connections" -d"${duration}s" --latency -s Benchmarks/serve-load.lua "$target" > "$tmp/$name.wrk"
  awk '/Requests\/sec/ {rate = $2} $1 == "99%" {p99 = $2} / Non-2xx/ {bad = $NF} END {printf "%s %s %s\n", rate, p99, bad + 0}' "$tmp/$name.wrk"
}

echo "== one serve on SQLite: ${duration}s, $connections connections"
read -r sqlite_rate sqlite_p99 sqlite_bad < <(load "$url" sqlite)
kill "$server"; wait "$server" 2>/dev/null || true; server=""

echo "== two serve on PostgreSQL behind nginx: the same"
base=$(scripts/postgres-test-server start "$pg")
database="${base%/postgres}/jobtwin"
psql "$base" -q -c "CREATE DATABASE jobtwin"
ports=()
for n in 1 2; do
  cat > "$tmp/pg$n.yaml" <<YAML
database: $database
server: {host: 127.0.0.1, port: 0, rate_limit: {per_minute: 0}}
YAML
  JOBTWIN_API_TOKEN=$token "$bin" serve --config "$tmp/pg$n.yaml" --log-level warning >"$tmp/pg$n.out" 2>"$tmp/pg$n.err" &
  others+=($!)
  for _ in $(seq 100); do grep -q "listening on" "$tmp/pg$n.out" 2>/dev/null && break; sleep 0.1; done
  port=$(grep -o '[0-9]*$' "$tmp/pg$n.out" | head -1)
  [ -n "$port" ] || { echo "serve $n on PostgreSQL did not start:" >&2; cat "$tmp/pg$n.err" >&2; exit 1; }
  ports+=("$port")
done
front=$(free_port)
cat > "$tmp/nginx.conf" <<NGINX
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx.err warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  upstream jobtwin { server 127.0.0.1:${ports[0]}; server 127.0.0.1:${ports[1]}; keepalive 64; }
  server {
    listen 127.0.0.1:$front;
    location / { proxy_pass http://jobtwin; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
"$nginx" -c "$tmp/nginx.conf" -p "$tmp" -e "$tmp/nginx.err"
for _ in $(seq 50); do curl -s "http://127.0.0.1:$front/healthz" >/dev/null && break; sleep 0.1; done
read -r pg_rate pg_p99 pg_bad < <(load "http://127.0.0.1:$front" postgres)

echo
echo "one serve on SQLite:                 $sqlite_rate turns/s, p99 $sqlite_p99, $sqlite_bad non-2xx"
echo "two serve on PostgreSQL behind nginx: $pg_rate turns/s, p99 $pg_p99, $pg_bad non-2xx"
awk -v a="$pg_rate" -v b="$sqlite_rate" 'BEGIN { printf "PostgreSQL/SQLite: %.2f × (target ≥ 1.0 ×, p99 ≤ 50 ms)\n", a / b }'
