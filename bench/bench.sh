#!/usr/bin/env bash
# Benchmark assure on generated monorepos of 1,000 and 10,000 files:
# end-to-end (`assure test` with the whole built-in library, JUnit written),
# the discover-and-parse floor (`assure parse --summary`), and peak memory.
# Each figure is the median of RUNS runs (default 5). Needs GNU time.
#
#   bench/bench.sh            # builds release once, writes corpora under target/bench
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
SIZES="${SIZES:-1000 10000}"
cargo build --release --quiet
BIN=target/release/assure
mkdir -p target/bench

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # command... -> "seconds peak_kb" (medians)
  local t m
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o target/bench/time.txt "$@" > /dev/null 2>&1 || true
    tail -1 target/bench/time.txt
  done > target/bench/runs.txt
  t=$(awk '{print $1}' target/bench/runs.txt | median)
  m=$(awk '{print $2}' target/bench/runs.txt | median)
  echo "$t $m"
}

printf "%-7s %-6s %12s %12s %10s %12s %10s\n" files docs "e2e (s)" "files/s" "peak MB" "floor (s)" "ratio"
for n in $SIZES; do
  dir="target/bench/corpus-$n"
  [ -d "$dir" ] || python3 bench/gen_corpus.py "$dir" "$n" > /dev/null
  files=$(find "$dir" -type f | wc -l)
  docs=$("$BIN" parse --summary "$dir" | tail -1 | awk '{print $1}')
  read -r e2e mem < <(measure "$BIN" test "$dir" --junit target/bench/junit.xml --format junit)
  read -r floor _ < <(measure "$BIN" parse --summary "$dir")
  awk -v n="$files" -v d="$docs" -v e="$e2e" -v m="$mem" -v f="$floor" 'BEGIN {
    printf "%-7d %-6d %12.2f %12.0f %10.0f %12.2f %10.1f\n", n, d, e, n / e, m / 1024, f, e / f }'
done
read -r empty _ < <(measure "$BIN" test "$(mktemp -d)")
echo "start-up (empty folder, all controls compiled): ${empty}s"
