#!/usr/bin/env bash
# Time from starting `jobtwin chat` to its first prompt (release build): the process starts,
# loads the built-in dialogs, opens a new database, writes the opening turn, prints it and exits
# at the end of input. Usage: Benchmarks/first-prompt.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
swift build -c release --product jobtwin >/dev/null
bin=$(swift build -c release --show-bin-path)/jobtwin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs "$runs" --prepare "rm -f $tmp/db.sqlite*" "$bin chat --json --db $tmp/db.sqlite --participant bench </dev/null"
else
  total=0
  for i in $(seq "$runs"); do
    rm -f "$tmp"/db.sqlite*
    start=$(date +%s%N)
    "$bin" chat --json --db "$tmp/db.sqlite" --participant bench </dev/null >/dev/null
    end=$(date +%s%N)
    total=$((total + end - start))
  done
  echo "mean over $runs runs: $((total / runs / 1000000)) ms"
fi
