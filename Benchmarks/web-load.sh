#!/usr/bin/env bash
# The web chat against the JSON API under the same wrk load, on one `jobtwin serve` (release
# build) on loopback, in ROUNDS rounds of one API run and one web run each:
#   - the API: persisted turns (POST /v1/messages with a request id), as
#     Benchmarks/serve-load.sh sends them, the conversations opened beforehand;
#   - the web as chat.js posts: participants invited (`jobtwin invite --csv`), each link opened
#     beforehand by a client that keeps the cookie and reads the CSRF token from the page; then
#     POST /chat with the question form's fields, answered by the next page in place —
#     Benchmarks/web-load.lua;
#   - after the rounds, once, the web as a browser without JavaScript: POST /chat, 303, GET /chat.
# Each run has DURATION seconds; the script prints every round's turns/s, p99 and the server's
# CPU time a turn (from /proc, so that other work on the machine does not count) and the
# ratios, then the median ratio of the rounds (target: web ≥ 0.8 × the API). Pairing the runs
# round by round keeps the ratio meaningful when the machine's speed drifts.
# Both sides make the same turns: 1,000 participants under way at once, each TURNS turns (32:
# the intake's 16, then the menu) before its place goes to the next participant of the round's
# own pool of 3,000, and the web's text fields get the API's texts. (Run for a fixed time over
# the same participants, the faster side spends more of its run in the menu, whose turns cost
# less, and the slower one more in the intake.)
#
# Usage: Benchmarks/web-load.sh [duration-seconds] [connections] [turns-per-participant] [rounds]
# Needs wrk (Debian package `wrk`; installed here when missing) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}
turns_each=${3:-32}
rounds=${4:-3}
participants=1000
block=3000
api_pool=$((block * rounds))
web_pool=$((block * (rounds + 1)))   # one block more, for the run without JavaScript

# shellcheck source=serve-common.sh
. Benchmarks/serve-common.sh
# The server's CPU time so far (user + system), in clock ticks: what a run cost the server,
# whatever else the machine was doing meanwhile.
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
count() { awk '/requests in/ {print $1}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }

echo "== the API: opening $api_pool conversations"
opened=0
while [ "$opened" -lt "$api_pool" ]; do
  done_now=$(TOKEN=$token PARTICIPANTS=$api_pool OFFSET=$opened LIMIT=$((api_pool - opened)) RUN=open-$opened \
    wrk -t1 -c"$connections" -d2s -s Benchmarks/serve-load.lua "$url" | awk '/requests in/ {print $1}')
  opened=$((opened + done_now))
done

echo "== the web: inviting $web_pool participants and opening their links"
{ echo "name,email,side"; for i in $(seq 1 $web_pool); do echo "Web $i,,teacher"; done; } > "$tmp/people.csv"
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
        connection.close()
PY

: > "$tmp/rounds"
for round in $(seq 1 "$rounds"); do
  first=$(( (round - 1) * block ))
  echo "== round $round: the API, ${duration}s, $participants participants at once, $turns_each turns each ($connections connections)"
  before=$(ticks)
  TOKEN=$token PARTICIPANTS=$participants BASE=$first POOL=$block TURNS=$turns_each RUN=api-$round-$(date +%s) \
    wrk -t1 -c"$connections" -d"${duration}s" --latency -s Benchmarks/serve-load.lua "$url" > "$tmp/api-$round"
  api_ticks=$(( $(ticks) - before ))
  echo "== round $round: the web as chat.js posts (the next page in the answer), the same"
  before=$(ticks)
  SESSIONS="$tmp/sessions.txt" FIRST=$first POOL=$block PLACES=$participants TURNS=$turns_each MODE=script \
    wrk -t1 -c"$connections" -d"${duration}s" --latency -s Benchmarks/web-load.lua "$url" > "$tmp/web-$round"
  web_ticks=$(( $(ticks) - before ))
  grep -E "^(responses|posts)" "$tmp/web-$round"
  awk -v api="$(rate "$tmp/api-$round")" -v web="$(rate "$tmp/web-$round")" -v api99="$(p99 "$tmp/api-$round")" \
      -v web99="$(p99 "$tmp/web-$round")" -v apin="$(count "$tmp/api-$round")" -v webn="$(count "$tmp/web-$round")" \
      -v apit="$api_ticks" -v webt="$web_ticks" -v hz="$hz" -v round="$round" -v out="$tmp/rounds" 'BEGIN {
    apicpu = apit / hz / apin * 1e6; webcpu = webt / hz / webn * 1e6
    printf "round %d: API %.0f turns/s (p99 %s), %.0f µs of server CPU a turn; web %.0f turns/s (p99 %s), %.0f µs a turn; web/API %.2f by turns/s, %.2f by CPU\n",
           round, api, api99, apicpu, web, web99, webcpu, web / api, apicpu / webcpu
    printf "%.3f %.3f\n", web / api, apicpu / webcpu >> out
  }'
done

echo "== the web without JavaScript (a post, a redirect, the page): ${duration}s, its own pool"
before=$(ticks)
SESSIONS="$tmp/sessions.txt" FIRST=$(( rounds * block )) POOL=$block PLACES=$participants TURNS=$turns_each MODE=plain \
  wrk -t1 -c"$connections" -d"${duration}s" --latency -s Benchmarks/web-load.lua "$url" > "$tmp/plain"
plain_ticks=$(( $(ticks) - before ))
grep -E "^(responses|posts)" "$tmp/plain"

echo
awk -v plain="$(rate "$tmp/plain")" -v plain99="$(p99 "$tmp/plain")" -v plainn="$(count "$tmp/plain")" -v plaint="$plain_ticks" \
    -v hz="$hz" -v api="$(rate "$tmp/api-$rounds")" 'BEGIN {
  printf "web without JavaScript: %.0f turns/s, each a post and a page (p99 of a request %s), %.0f µs a turn; %.2f × the last round'"'"'s API\n",
         plain / 2, plain99, plaint / hz / (plainn / 2) * 1e6, plain / 2 / api
}'
sort -n -k1 "$tmp/rounds" | awk '{ r[NR] = $1 } END { printf "web/API by turns/s over %d rounds: median %.2f (%.2f–%.2f)\n", NR, (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2), r[1], r[NR] }'
sort -n -k2 "$tmp/rounds" | awk '{ r[NR] = $2 } END { printf "web/API by CPU a turn over %d rounds: median %.2f (%.2f–%.2f)\n", NR, (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2), r[1], r[NR] }'
