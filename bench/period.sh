#!/usr/bin/env bash
# Benchmark `assure period` over a year of daily runs: a ledger of 365
# signed records of about 10,000 targets each (a generated repository of
# 1,350 files, scanned once a day with ASSURE_NOW; every 30th day a file
# is added or removed so findings open and close), then the period report
# over the year with its integrity check, as JSON, Markdown and HTML.
# Prints the median time and peak memory of RUNS runs (default 3). Needs
# GNU time and ssh-keygen.
#
#   bench/period.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
cargo build --release --quiet
BIN=$PWD/target/release/assure
work=target/bench/period
mkdir -p "$work"
corpus=$work/corpus
ledger=$work/ledger
if [ ! -f "$ledger/assure-ledger.json" ] || [ "$(find "$ledger" -name '*.json' | wc -l)" -lt 366 ]; then
  rm -rf "$corpus" "$ledger" "$work/key" "$work/key.pub"
  python3 bench/gen_corpus.py "$corpus" 1350 > /dev/null
  ssh-keygen -q -t ed25519 -N '' -f "$work/key"
  ( cd "$corpus" && git init -q -b main && git remote add origin https://github.com/acme/bench.git )
  for n in $(seq 0 364); do
    day=$(date -u -d "2025-01-01 + $n days" +%F)
    if [ $((n % 30)) -eq 29 ]; then
      extra="$corpus/k8s/day-$n.yaml"
      printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: day-%s\nspec:\n  containers:\n  - name: app\n    image: nginx\n' "$n" > "$extra"
      find "$corpus/k8s" -name 'day-*.yaml' ! -name "day-$n.yaml" -delete
    fi
    ASSURE_NOW="${day}T06:00:00Z" ASSURE_SIGNING_KEY="$work/key" \
      "$BIN" test "$corpus" --quiet --evidence "$ledger" > /dev/null 2>&1 || true
  done
fi
records=$(find "$ledger" -name '0*.json' | wc -l)
size=$(du -sm "$ledger" | cut -f1)
targets=$(ASSURE_NOW=2026-01-01T00:00:00Z "$BIN" evidence list "$ledger" | head -1 | grep -o 'of [0-9]*' | cut -d' ' -f2)
for _ in $(seq "$RUNS"); do
  ASSURE_NOW=2026-01-02T00:00:00Z /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    "$BIN" period --from 2025-01-01 --to 2025-12-31 --evidence "$ledger" --repo https://github.com/acme/bench \
    --key "$work/key.pub" --json "$work/period.json" --markdown "$work/period.md" --html "$work/period.html" \
    --format text > /dev/null 2>&1 || true
  tail -1 "$work/time.txt"
done > "$work/runs.txt"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t=$(awk '{print $1}' "$work/runs.txt" | median)
m=$(awk '{print $2}' "$work/runs.txt" | median)
echo "records: $records (${size} MB), targets per record: $targets"
echo "assure period over the year: ${t} s, peak ${m} KB ($((m / 1024)) MB), median of $RUNS"
