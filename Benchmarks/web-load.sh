#!/usr/bin/env bash
# The web chat against the JSON API under the same wrk load, on one `jobtwin serve` (release
# build) on loopback:
#   1. 3,000 API participants, their conversations opened; DURATION seconds of persisted turns
#      (POST /v1/messages with a request id), as Benchmarks/serve-load.sh sends them;
#   2. 3,000 web participants invited (`jobtwin invite --csv`), each link opened by a client that
#      keeps the cookie and reads the CSRF token from the page; DURATION seconds of web turns as
#      chat.js makes them (POST /chat with the question form's fields, answered by the next page),
#      then DURATION seconds as a browser without JavaScript makes them (POST /chat, 303,
#      GET /chat) — Benchmarks/web-load.lua;
#   3. the turns/s and p99 of each, and the ratios (target: web ≥ 0.8 × the API).
# On both sides 1,000 participants are under way at once, and each gets TURNS turns (32: the
# 16 of the intake, then the menu) before its place goes to the next of the 3,000: so both
# sides make the same mix of intake and menu turns, however fast each goes. (Without that, the
# faster side spends more of its run in the menu, whose turns are cheaper, and the slower one
# more in the intake.)
#
# Usage: Benchmarks/web-load.sh [duration-seconds] [connections] [turns-per-participant]
# Needs wrk (Debian package `wrk`; installed here when missing) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-64}
turns_each=${3:-32}
participants=1000
pool=3000

# shellcheck source=serve-common.sh
. Benchmarks/serve-common.sh
# The server's CPU time so far (user + system), in clock ticks: what a run cost the server,
# whatever else the machine was doing meanwhile.
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)

echo "== the API: opening $pool conversations"
opened=0
while [ "$opened" -lt "$pool" ]; do
  done_now=$(TOKEN=$token PARTICIPANTS=$pool OFFSET=$opened LIMIT=$((pool - opened)) RUN=open-$opened \
    wrk -t1 -c"$connections" -d2s -s Benchmarks/serve-load.lua "$url" | awk '/requests in/ {print $1}')
  opened=$((opened + done_now))
done
echo "== the API: ${duration}s of turns, $participants participants at once, $turns_each turns each ($connections connections)"
before=$(ticks)
TOKEN=$token PARTICIPANTS=$participants POOL=$pool TURNS=$turns_each RUN=api-$(date +%s) \
  wrk -t1 -c"$connections" -d"${duration}s" --latency -s Benchmarks/serve-load.lua "$url" | tee "$tmp/api"
api_ticks=$(( $(ticks) - before ))

echo "== the web: inviting $pool participants and opening their links"
{ echo "name,email,side"; for i in $(seq 1 $pool); do echo "Web $i,,teacher"; done; } > "$tmp/people.csv"
"$bin" invite --csv "$tmp/people.csv" --base-url "$url" --config "$tmp/jobtwin.yaml" >"$tmp/links.csv" 2>/dev/null
/usr/bin/python3 - "$tmp/links.csv" "$tmp/sessions.txt" <<'PY'
import csv, http.client, re, sys, urllib.parse
links, out = sys.argv[1], sys.argv[2]
with open(links, newline="") as f, open(out, "w") as sessions:
    for row in csv.DictReader(f):
        url = urllib.parse.urlsplit(row["link"])
        connection = http.client.HTTPConnection(url.hostname, url.port)
        connection.request("GET", url.path)
        response = connection.getresponse(); response.read()
        cookie = response.getheader("Set-Cookie").split(";")[0]
        connection.request("GET", "/chat", headers={"Cookie": cookie})
        page = connection.getresponse().read().decode()
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        sessions.write(f"{cookie} {csrf}\n")
PY
echo "== the web, as chat.js posts (the next page in the answer): ${duration}s of turns, $participants participants at once, $turns_each turns each ($connections connections)"
before=$(ticks)
SESSIONS="$tmp/sessions.txt" PLACES=$participants TURNS=$turns_each MODE=script \
  wrk -t1 -c"$connections" -d"${duration}s" --latency -s Benchmarks/web-load.lua "$url" | tee "$tmp/web"
web_ticks=$(( $(ticks) - before ))
echo "== the web without JavaScript (a post, a redirect, the page): ${duration}s of turns"
before=$(ticks)
SESSIONS="$tmp/sessions.txt" PLACES=$participants TURNS=$turns_each MODE=plain \
  wrk -t1 -c"$connections" -d"${duration}s" --latency -s Benchmarks/web-load.lua "$url" | tee "$tmp/plain"
plain_ticks=$(( $(ticks) - before ))

rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
count() { awk '/requests in/ {print $1}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
echo
awk -v api="$(rate "$tmp/api")" -v web="$(rate "$tmp/web")" -v plain="$(rate "$tmp/plain")" \
    -v api99="$(p99 "$tmp/api")" -v web99="$(p99 "$tmp/web")" -v plain99="$(p99 "$tmp/plain")" \
    -v apin="$(count "$tmp/api")" -v webn="$(count "$tmp/web")" -v plainn="$(count "$tmp/plain")" \
    -v apit="$api_ticks" -v webt="$web_ticks" -v plaint="$plain_ticks" -v hz="$hz" 'BEGIN {
  apicpu = apit / hz / apin * 1e6; webcpu = webt / hz / webn * 1e6; plaincpu = plaint / hz / (plainn / 2) * 1e6
  printf "API: %.0f turns/s (p99 %s), %.0f µs of server CPU a turn\n", api, api99, apicpu
  printf "web, with the script: %.0f turns/s (p99 %s), %.0f µs a turn   web/API: %.2f by turns/s, %.2f by CPU\n",
         web, web99, webcpu, web / api, apicpu / webcpu
  printf "web, without JavaScript: %.0f turns/s, each a post and a page (p99 of a request %s), %.0f µs a turn   web/API: %.2f, %.2f by CPU\n",
         plain / 2, plain99, plaincpu, plain / 2 / api, apicpu / plaincpu
}'
