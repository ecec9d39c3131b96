#!/usr/bin/env bash
# Build a six-month evidence ledger for the example repository and write
# the period report made from it: docs/period-example.md and .html.
#
#   scripts/demo-period.sh [BINARY]     # default: builds target/release/assure
#
# The history is simulated: each day's run is made with ASSURE_NOW set to
# that day, so every record (and the report) says its clock was
# overridden, as it must. A throwaway key signs the records. Over the six
# months the team pins the worker image (day 12), misses five days of runs
# (days 30-34), adds a health check to the API image (day 40), opens and
# closes SSH to the world (days 75-78), versions the export buckets (day
# 100), and on day 120 pushes two commits before the day's run, so the
# first has no run of its own. The temporary copy allows waivers two years
# ahead (max_waiver_days: 730): the example's waivers expire in 2027.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ $# -ge 1 ]; then
  bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
  cargo build --release --quiet
  bin=$root/target/release/assure
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r demo/acme-billing "$work/app"
cd "$work/app"
printf '\nmax_waiver_days: 730\n' >> assure.yaml
ssh-keygen -q -t ed25519 -N '' -C demo@acme.example -f "$work/key"
export GIT_AUTHOR_NAME=dev GIT_AUTHOR_EMAIL=dev@acme.example GIT_COMMITTER_NAME=dev GIT_COMMITTER_EMAIL=dev@acme.example
first=2026-05-01
day() { date -u -d "$first + $1 days" +%F; }
commit() { # day time message
  export GIT_AUTHOR_DATE="$(day "$1")T$2:00Z" GIT_COMMITTER_DATE="$(day "$1")T$2:00Z"
  git add -A && git commit -q --allow-empty -m "$3"
}
git init -q -b main
git remote add origin https://github.com/acme/billing.git
commit 0 08:00 "Billing system as it is"
for n in $(seq 0 183); do
  case $n in
    12) sed -i 's|invoice-worker:latest|invoice-worker:1.4.2|' k8s/invoice-worker.yaml
        commit "$n" 09:00 "Pin the invoice worker image" ;;
    40) sed -i 's|^FROM gcr.io/distroless/static-debian12:nonroot|&\nHEALTHCHECK CMD ["/app", "healthcheck"]|' services/api/Dockerfile
        commit "$n" 09:00 "Add a health check to the API image" ;;
    75) cp infra/terraform/network.tf "$work/network.tf"
        cat >> infra/terraform/network.tf <<'TF'

resource "aws_security_group" "vendor" {
  name = "billing-vendor-session"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
TF
        commit "$n" 09:00 "Open SSH for a vendor session" ;;
    78) cp "$work/network.tf" infra/terraform/network.tf
        commit "$n" 09:00 "Close SSH again" ;;
    100) cat >> infra/terraform/storage.tf <<'TF'

resource "aws_s3_bucket_versioning" "exports" {
  for_each = aws_s3_bucket.exports
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}
TF
        commit "$n" 09:00 "Version the export buckets" ;;
    120) commit "$n" 08:30 "Bump the API's dependencies"
         commit "$n" 09:00 "Update the runbook" ;;
  esac
  if [ "$n" -ge 30 ] && [ "$n" -le 34 ]; then continue; fi
  ASSURE_NOW="$(day "$n")T10:00:00Z" ASSURE_SIGNING_KEY="$work/key" \
    "$bin" test . --quiet --evidence "$work/ledger" > /dev/null || true
done
ASSURE_NOW="$(day 184)T00:00:00Z" "$bin" period --from "$first" --to "$(day 183)" \
  --evidence "$work/ledger" --git . --sample 10 --seed 2026 --key "$work/key.pub" \
  --markdown "$root/docs/period-example.md" --html "$root/docs/period-example.html" || true
echo "wrote docs/period-example.md and docs/period-example.html"
