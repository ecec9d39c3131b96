#!/usr/bin/env bash
# Benchmark assure on generated monorepos of 1,000 and 10,000 files:
# end-to-end (`assure test` with the whole built-in library, JUnit written),
# the discover-and-parse floor (`assure parse --summary`), and peak memory;
# then peak memory on 100 and 200 large files (about 170 and 340 MB), which
# should not grow with the bytes scanned; then what recording the run in a
# signed evidence ledger adds; then start-up on an empty folder.
# Each figure is the median of RUNS runs (default 5). Needs GNU time.
#
#   bench/bench.sh            # builds release once, writes corpora under target/bench
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
SIZES="${SIZES:-1000 10000}"
LARGE="${LARGE:-100 200}"
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

echo "cores: $(nproc)"
printf "%-7s %-6s %8s %10s %12s %10s %10s %8s\n" files docs MB "e2e (s)" "files/s" "peak MB" "floor (s)" ratio
for n in $SIZES; do
  dir="target/bench/corpus-$n"
  [ -d "$dir" ] || python3 bench/gen_corpus.py "$dir" "$n" > /dev/null
  files=$(find "$dir" -type f | wc -l)
  mb=$(du -sm "$dir" | cut -f1)
  docs=$("$BIN" parse --summary "$dir" | tail -1 | awk '{print $1}')
  read -r e2e mem < <(measure "$BIN" test "$dir" --junit target/bench/junit.xml --format junit)
  read -r floor _ < <(measure "$BIN" parse --summary "$dir")
  awk -v n="$files" -v d="$docs" -v s="$mb" -v e="$e2e" -v m="$mem" -v f="$floor" 'BEGIN {
    printf "%-7d %-6d %8d %10.2f %12.0f %10.0f %10.2f %8.1f\n", n, d, s, e, n / e, m / 1024, f, e / f }'
done
for n in $LARGE; do
  dir="target/bench/large-$n"
  [ -d "$dir" ] || python3 bench/gen_corpus.py --large "$dir" "$n" > /dev/null
  mb=$(du -sm "$dir" | cut -f1)
  read -r e2e mem < <(measure "$BIN" test "$dir" --max-file-size 4000000 --junit target/bench/junit.xml --format junit)
  awk -v n="$n" -v s="$mb" -v e="$e2e" -v m="$mem" 'BEGIN {
    printf "%-7d %-6s %8d %10.2f %12.0f %10.0f   (large files)\n", n, "-", s, e, n / e, m / 1024 }'
done
# Recording the run in a signed ledger, on the largest corpus: the same
# scan with and without --evidence (a fresh directory store each run, so
# every run appends the first record of its chain).
n=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
dir="target/bench/corpus-$n"
key="target/bench/evidence-key"
[ -f "$key" ] || ssh-keygen -q -t ed25519 -N '' -C bench -f "$key"
read -r plain _ < <(measure "$BIN" test "$dir" --junit target/bench/junit.xml --format junit)
rm -rf target/bench/ledgers && mkdir -p target/bench/ledgers
read -r recorded _ < <(measure bash -c 'ASSURE_SIGNING_KEY="$1" "$2" test "$3" --junit target/bench/junit.xml \
  --format junit --evidence "$(mktemp -d -p target/bench/ledgers)"' _ "$key" "$BIN" "$dir")
awk -v n="$n" -v a="$plain" -v b="$recorded" 'BEGIN {
  printf "evidence on %d files: %.2f s without, %.2f s with a signed record (+%.1f%%)\n", n, a, b, (b - a) * 100 / a }'
empty=$(mktemp -d)
start=$(date +%s%N)
# --allow-empty: an empty scan exits 1 ("nothing examined") otherwise.
for _ in $(seq 20); do "$BIN" test --allow-empty "$empty" > /dev/null; done
end=$(date +%s%N)
echo "start-up (empty folder, all controls compiled): $(( (end - start) / 20000000 )) ms (mean of 20)"
