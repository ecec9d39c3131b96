#!/usr/bin/env bash
# Monorepo scale: for generated corpora of 30,000 and 100,000 files (SIZES),
# the discover-and-parse floor (`assure parse --summary`) and `assure test`
# with no report file and with every report file (JUnit, JSON, SARIF,
# Markdown), each as wall time and peak memory (GNU time), medians of RUNS
# runs (default 3). What it answers: does memory follow the number of
# results or stay flat, and how far is a scan from the floor.
#
#   bench/scale.sh                 # builds release once; corpora under target/bench
#   SIZES="10000 30000" RUNS=1 bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
SIZES="${SIZES:-30000 100000}"
cargo build --release --quiet
BIN=target/release/assure
out=target/bench
mkdir -p "$out"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # command... -> "seconds peak_MB" (medians)
  local t m
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" > /dev/null 2>&1 || true
    tail -1 "$out/time.txt"
  done > "$out/runs.txt"
  t=$(awk '{print $1}' "$out/runs.txt" | median)
  m=$(awk '{print $2}' "$out/runs.txt" | median)
  echo "$t $((m / 1024))"
}

echo "cores: $(nproc); controls: $("$BIN" controls --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
printf "%-8s %-8s %-9s | %-16s | %-16s | %-16s | %s\n" files docs targets "floor s / MB" "test s / MB" "+reports s / MB" "ratio time, mem"
for n in $SIZES; do
  dir="$out/corpus-$n"
  [ -d "$dir" ] || python3 bench/gen_corpus.py "$dir" "$n" > /dev/null
  files=$(find "$dir" -type f | wc -l)
  docs=$("$BIN" parse --summary "$dir" | tail -1 | awk '{print $1}')
  # The corpus fails controls on purpose: exit 1 is expected here.
  targets=$( ("$BIN" test "$dir" --format json 2>/dev/null || true) | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["targets"])')
  read -r ft fm < <(measure "$BIN" parse --summary "$dir")
  read -r tt tm < <(measure "$BIN" test "$dir" -q)
  read -r rt rm < <(measure "$BIN" test "$dir" -q --junit "$out/r.xml" --json "$out/r.json" --sarif "$out/r.sarif" --markdown "$out/r.md")
  awk -v n="$files" -v d="$docs" -v g="$targets" -v ft="$ft" -v fm="$fm" -v tt="$tt" -v tm="$tm" -v rt="$rt" -v rm="$rm" 'BEGIN {
    printf "%-8d %-8d %-9d | %6.2f s %5d MB | %6.2f s %5d MB | %6.2f s %5d MB | %.1fx, %.1fx\n", n, d, g, ft, fm, tt, tm, rt, rm, rt / ft, rm / fm }'
done
