#!/usr/bin/env bash
# Notifications delivered per second to a loopback receiver (DESIGN §9: ≥ 500/s), with the
# release build of jobtwin-bench:
#   1. N events in a fresh database, fanned out to one JSON target and posted by the outbox
#      worker over libcurl's multi interface (connections reused);
#   2. the same with a receiver that answers every other request with 500: the worker retries
#      until every notification arrived (none lost, each key received once as a success).
# The receiver (Hummingbird) runs in the same process, on the same cores.
#
# Usage: Benchmarks/notify-load.sh [events]     (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-10000}
swift build -c release --product jobtwin-bench >/dev/null
bin=$(swift build -c release --show-bin-path)/jobtwin-bench
"$bin" notify "$events"
echo
"$bin" notify "$events" --fail-half
