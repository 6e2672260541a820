#!/usr/bin/env bash
# Load benchmark of `jobtwin serve` (release build) on loopback with wrk:
#   1. opens 10,000 participants' conversations (10,000 stored sessions);
#   2. sends persisted turns over 1,000 of them for DURATION seconds and reports turns/s and
#      wrk's latency percentiles (p99 among them);
#   3. reports the server's resident memory (now and peak) with the 10,000 sessions;
#   4. measures GET /healthz for 5 seconds, the HTTP overhead without a turn.
# Every request is POST /v1/messages with a request id: a complete turn committed to SQLite.
#
# Usage: Benchmarks/serve-load.sh [duration-seconds] [connections] [wrk-threads]
# Needs wrk (Debian package `wrk`; installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-64}
threads=${3:-1}
sessions=10000
participants=1000

# shellcheck source=serve-common.sh
. Benchmarks/serve-common.sh

rss() { awk -v key="$1" '$1 == key":" {printf "%.0f MB", $2 / 1024}' "/proc/$server/status"; }

echo "== opening $sessions conversations"
# wrk runs for its whole duration even after the script stops sending, so the conversations
# are opened in short rounds, each starting where the last one ended.
opened=0
while [ "$opened" -lt "$sessions" ]; do
  done_now=$(TOKEN=$token PARTICIPANTS=$sessions OFFSET=$opened LIMIT=$((sessions - opened)) RUN=open-$opened \
    wrk -t1 -c"$connections" -d2s -s Benchmarks/serve-load.lua "$url" | awk '/requests in/ {print $1}')
  opened=$((opened + done_now))
done
echo "opened: $opened; resident: $(rss VmRSS)"

echo "== ${duration}s of turns over $participants participants ($connections connections, $threads wrk thread(s))"
TOKEN=$token PARTICIPANTS=$participants RUN=load-$(date +%s) \
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s Benchmarks/serve-load.lua "$url" | tee "$tmp/wrk"

turns=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk")
p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk")
stored=$(curl -s "$url/metrics" | awk -F' ' '/^jobtwin_turns_total/ {sum += $2} END {print sum}')
echo
echo "persisted turns/s: $turns   p99: $p99   turns counted by the server: $stored"
echo "resident now: $(rss VmRSS)   peak: $(rss VmHWM)   sessions stored: $sessions+"

echo
echo "== 5s of GET /healthz ($connections connections): the HTTP overhead alone, no turn"
wrk -t"$threads" -c"$connections" -d5s --latency "$url/healthz" | awk '/Requests\/sec/ || $1 == "99%"'
