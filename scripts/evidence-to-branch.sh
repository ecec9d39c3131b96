#!/usr/bin/env bash
# Record an `assure test` run in an evidence ledger kept on a git branch.
#
#   scripts/evidence-to-branch.sh BRANCH -- assure test [ARGS...]
#
# The branch (for example `assure-evidence`) holds only the ledger folder
# `ledger/`. The script checks the branch out in a temporary worktree
# (creating it on first use), runs the command with `--evidence` pointing
# there, commits the new record and pushes. When the push is rejected
# because another job pushed a record first, it starts again from the
# branch as it now is, so the new record follows that one: the chain never
# forks. Its exit code is the command's (2 when the record could not be
# pushed after ASSURE_EVIDENCE_ATTEMPTS tries, default 5).
#
# Environment: ASSURE_EVIDENCE_REMOTE (default origin),
# ASSURE_EVIDENCE_ATTEMPTS, and the git identity of the commits
# (GIT_AUTHOR_NAME/EMAIL; default "assure" <assure@localhost>).
set -uo pipefail

if [ $# -lt 3 ] || [ "$2" != "--" ]; then
  echo "usage: $0 BRANCH -- assure test [ARGS...]" >&2
  exit 2
fi
branch=$1
shift 2
remote=${ASSURE_EVIDENCE_REMOTE:-origin}
attempts=${ASSURE_EVIDENCE_ATTEMPTS:-5}
export GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-assure} GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-assure@localhost}
export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-$GIT_AUTHOR_NAME} GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-$GIT_AUTHOR_EMAIL}

# Outside the scanned repository, so the ledger is never scanned.
work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/assure-evidence.XXXXXX")
cleanup() { git worktree remove --force "$work/tree" >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

for attempt in $(seq 1 "$attempts"); do
  git worktree remove --force "$work/tree" >/dev/null 2>&1
  rm -rf "$work/tree"
  if git fetch -q "$remote" "refs/heads/$branch" 2>/dev/null; then
    git worktree add -q --detach "$work/tree" FETCH_HEAD || exit 2
  else
    # First record: a branch of its own, holding nothing else.
    git worktree add -q --detach "$work/tree" || exit 2
    (cd "$work/tree" && git checkout -q --orphan "$branch" && git rm -rqf --ignore-unmatch .) || exit 2
  fi
  "$@" --evidence "$work/tree/ledger"
  status=$?
  # 2: assure could not run, and recorded nothing.
  if [ "$status" -ge 2 ]; then
    exit "$status"
  fi
  if (cd "$work/tree" && git add ledger && git commit -q -m "assure: record a run" &&
      git push -q "$remote" "HEAD:refs/heads/$branch"); then
    exit "$status"
  fi
  echo "evidence: the push to $branch was rejected (attempt $attempt of $attempts); recording again on top of the branch as it is now" >&2
  sleep "$attempt"
done
echo "evidence: the run could not be recorded on $branch after $attempts attempts" >&2
exit 2
