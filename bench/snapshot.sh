#!/usr/bin/env bash
# Snapshot what a build of assure reports on the repository's own trees and
# a generated corpus, so a change that must not change results (a refactor,
# a speed-up) can be checked: run it with the binary from before and the
# binary from after, and diff the two folders.
#
#   bench/snapshot.sh BIN OUT [CORPUS_FILES]
#
# Writes OUT/<name>.json: the JSON report minus timings, with keys sorted,
# for the example repository (with and without its assure.yaml), every
# control's fixtures, the realistic corpus, and a generated corpus of
# CORPUS_FILES files (default 10000; 0 to skip), each scanned from the
# folder's parent so paths read the same wherever the trees live.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "$1")
OUT=$(realpath -m "$2")
FILES="${3:-10000}"
mkdir -p "$OUT"

normalise() { # JSON on stdin -> sorted, without timings
  python3 -c '
import json, sys
d = json.load(sys.stdin)
d.pop("elapsed", None)
# Where a control is declared moves with the library layout, not results.
for c in d.get("controls", []):
    c.get("control", {}).pop("source", None)
json.dump(d, sys.stdout, indent=1, sort_keys=True)
print()'
}

snap() { # name, folder to run in, assure args...
  local name=$1 dir=$2
  shift 2
  (cd "$dir" && "$BIN" test --format json --no-fail "$@" 2>/dev/null || true) | normalise > "$OUT/$name.json"
}

snap example demo acme-billing
snap example-config . demo/acme-billing -c demo/acme-billing/assure.yaml
snap realistic tests/corpus realistic

# Fixtures: one scan per control of its pass/ and fail/ folders, wherever
# they live (a folder named by the control id), named by that id.
while IFS= read -r dir; do
  snap "fixture-$(basename "$dir")" "$dir" pass fail
done < <(find fixtures policies -type d -name pass -exec dirname {} \; 2>/dev/null | sort)

if [ "$FILES" != 0 ]; then
  corpus="target/bench/corpus-$FILES"
  [ -d "$corpus" ] || python3 bench/gen_corpus.py "$corpus" "$FILES" > /dev/null
  snap "corpus-$FILES" "$(dirname "$corpus")" "$(basename "$corpus")"
fi
echo "wrote $(ls "$OUT" | wc -l) snapshots to $OUT"
