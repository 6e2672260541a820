# Sourced by the serve benchmarks: installs wrk when missing, builds the release binary, and
# starts one `jobtwin serve` on a free loopback port with a fresh database, the JSON API's
# token and no rate limit. Sets bin, tmp, token, server (its pid) and url; stops the server and
# removes tmp on exit.
if ! command -v wrk >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing wrk …" >&2
  $sudo apt-get install -y -q wrk >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk >/dev/null; }
fi

swift build -c release --product jobtwin >/dev/null
bin=$(swift build -c release --show-bin-path)/jobtwin
tmp=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
cat > "$tmp/jobtwin.yaml" <<YAML
database: $tmp/bench.sqlite
server: {host: 127.0.0.1, port: 0, rate_limit: {per_minute: 0}}
YAML
JOBTWIN_API_TOKEN=$token "$bin" serve --config "$tmp/jobtwin.yaml" --log-level warning >"$tmp/out" 2>"$tmp/err" &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/out" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$tmp/out" | head -1)
[ -n "$port" ] || { echo "jobtwin serve did not start:" >&2; cat "$tmp/err" >&2; exit 1; }
url="http://127.0.0.1:$port"
