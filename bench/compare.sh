#!/usr/bin/env bash
# Time assure and Checkov on the same generated corpus and print the ratio.
#
#   bench/compare.sh [FILES]                  # default 1000; needs checkov on PATH
#                                             # or in target/bench-venv
#   bench/compare.sh --install-checkov [FILES] # first installs Checkov into target/bench-venv
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--install-checkov" ]; then
  shift
  python3 -m venv target/bench-venv
  target/bench-venv/bin/pip install --quiet checkov
fi
N="${1:-1000}"
export PATH="$PWD/target/bench-venv/bin:$PATH"
command -v checkov >/dev/null || { echo "checkov not found: run with --install-checkov"; exit 2; }
cargo build --release --quiet
dir="target/bench/corpus-$N"
[ -d "$dir" ] || python3 bench/gen_corpus.py "$dir" "$N" > /dev/null
t() { /usr/bin/time -f "%e" -o target/bench/t.txt "$@" > /dev/null 2>&1 || true; tail -1 target/bench/t.txt; }
# assure: the median of RUNS runs (default 5); Checkov once, it is slow.
a=$(for _ in $(seq "${RUNS:-5}"); do t target/release/assure test "$dir" --junit target/bench/assure.xml; done |
  sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
c=$(t checkov -d "$dir" --quiet --compact -o junitxml --output-file-path target/bench/checkov)
echo "checkov $(checkov --version 2>/dev/null): ${c}s"
echo "assure:  ${a}s"
awk -v a="$a" -v c="$c" 'BEGIN { printf "assure is %.1f times faster on %s\n", c / a, "'"$dir"'" }'
