#!/usr/bin/env bash
# Runs conftest's own acceptance tests (acceptance.bats) against assure acting
# as conftest.
#
#   tests/conftest-acceptance.sh CONFTEST_CHECKOUT ASSURE_BINARY
#
# CONFTEST_CHECKOUT is a checkout of github.com/open-policy-agent/conftest
# (acceptance.bats and examples/ at its root). It is never modified: the
# checkout is copied to a temporary directory, a `conftest` symlink to
# ASSURE_BINARY is put at the copy's root (assure acts as conftest when
# invoked under that name), and `bats --tap acceptance.bats` runs there.
#
# Prints one line per case (PASS, FAIL or SKIP, with the reason for cases
# that are not counted as supported), then a summary over all cases and over
# the cases whose inputs use parsers assure supports (YAML, JSON, HCL2 .tf/.hcl,
# Dockerfile, TOML, Compose, Kubernetes), then the failing supported cases.
#
# Exit status: 0 when the supported cases pass at >= 95%, 1 otherwise,
# 2 when the harness itself cannot run (bad arguments, no bats).
#
# Environment:
#   CONFTEST_ACCEPTANCE_TIMEOUT  seconds for the whole bats run (default 1800)
#   CONFTEST_ACCEPTANCE_NETWORK  1 counts the cases that need the network
#                                (--update downloads from GitHub) as supported
#   CONFTEST_ACCEPTANCE_KEEP     1 keeps the temporary copy and the TAP log
#   CONFTEST_ACCEPTANCE_VERBOSE  1 prints bats' diagnostics of failing
#                                supported cases
set -euo pipefail

readonly THRESHOLD_PERCENT=95

usage() {
	echo "usage: $0 CONFTEST_CHECKOUT ASSURE_BINARY" >&2
	exit 2
}

die() {
	echo "conftest-acceptance: $*" >&2
	exit 2
}

# Cases that are not counted as "supported", by exact @test name, with the
# reason. Every other case of acceptance.bats is a supported case. Reasons
# starting with "unsupported parser" exclude a case; "network" excludes it
# unless CONFTEST_ACCEPTANCE_NETWORK=1. Read off acceptance.bats: the parser
# is the one conftest picks for the case's input (by extension or --parser).
classification() {
	cat <<'EOF'
Can parse edn files|unsupported parser: edn
Can parse xml files|unsupported parser: xml
Can parse hocon files|unsupported parser: hocon
Can parse vcl files|unsupported parser: vcl
Can parse jsonnet files|unsupported parser: jsonnet
Can parse .dockerignore files|unsupported parser: ignore (.dockerignore)
Can parse .gitignore files|unsupported parser: ignore (.gitignore)
Can parse cue files|unsupported parser: cue
Can parse ini files|unsupported parser: ini
Can parse properties files|unsupported parser: properties
Can parse stdin with parser flag|unsupported parser: ini (stdin, --parser ini)
Using --parser should force the chosen parser and fail the rego policy|unsupported parser: ini (--parser ini on a .tf file)
Can combine configs and reference by file|unsupported parser: hcl1 (--parser hcl1)
Can test a Jenkinsfile with the Groovy parser|unsupported parser: groovy (Jenkinsfile)
Can test a safe Jenkinsfile|unsupported parser: groovy (Jenkinsfile)
Can parse Groovy from stdin|unsupported parser: groovy (--parser groovy)
Can parse SPDX file|unsupported parser: spdx
Can validate SPDX file|unsupported parser: spdx
Can test cyclonedx against policy|unsupported parser: cyclonedx
Can parse cyclonedx JSON file|unsupported parser: cyclonedx
Can parse cyclonedx XML file|unsupported parser: cyclonedx
Can parse .env files|unsupported parser: dotenv
TextProto policy returns expected results|unsupported parser: textproto
TextProto policy fails when the proto messages could not be resolved|unsupported parser: textproto
Can update policies in test command|network: --update downloads a policy from raw.githubusercontent.com
EOF
}

[[ $# -eq 2 ]] || usage
checkout=$1
binary=$2

[[ -d $checkout ]] || die "not a directory: $checkout"
[[ -f $checkout/acceptance.bats ]] || die "no acceptance.bats at the root of $checkout"
[[ -f $binary && -x $binary ]] || die "not an executable file: $binary"
binary=$(cd "$(dirname "$binary")" && pwd -P)/$(basename "$binary")

if ! command -v bats >/dev/null 2>&1; then
	if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
		echo "conftest-acceptance: installing bats with apt-get" >&2
		apt-get install -y bats >/dev/null 2>&1 ||
			{ apt-get update >/dev/null 2>&1 && apt-get install -y bats >/dev/null 2>&1; } ||
			die "could not install bats (apt-get install -y bats)"
	else
		die "bats is not installed (Debian: apt-get install -y bats)"
	fi
fi
if ! command -v jq >/dev/null 2>&1; then
	echo "conftest-acceptance: warning: jq is not installed; the 'conftest parse' cases piping into jq will fail" >&2
fi

network=${CONFTEST_ACCEPTANCE_NETWORK:-0}
keep=${CONFTEST_ACCEPTANCE_KEEP:-0}
verbose=${CONFTEST_ACCEPTANCE_VERBOSE:-0}
timeout_seconds=${CONFTEST_ACCEPTANCE_TIMEOUT:-1800}
[[ $timeout_seconds =~ ^[0-9]+$ ]] || die "CONFTEST_ACCEPTANCE_TIMEOUT must be a number of seconds"

work=$(mktemp -d "${TMPDIR:-/tmp}/conftest-acceptance.XXXXXX")
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
	if [[ $keep == 1 ]]; then
		echo "conftest-acceptance: kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT

# The copy: everything but .git, writable (a case writes policy/deny.rego).
copy=$work/conftest
mkdir "$copy"
tar -C "$checkout" --exclude=./.git -cf - . | tar -C "$copy" -xf -
chmod -R u+w "$copy"
rm -rf "$copy/conftest"
ln -s "$binary" "$copy/conftest"

# conftest reads CONFTEST_* variables as flag values; the run must not
# inherit any from the caller.
while IFS= read -r name; do
	unset "$name"
done < <(compgen -e | grep '^CONFTEST_' || true)

tap=$work/tap.txt
bats_status=0
(
	cd "$copy"
	if command -v timeout >/dev/null 2>&1; then
		timeout "$timeout_seconds" bats --tap acceptance.bats
	else
		bats --tap acceptance.bats
	fi
) </dev/null >"$tap" 2>&1 || bats_status=$?
if [[ $bats_status -eq 124 ]]; then
	echo "conftest-acceptance: bats timed out after ${timeout_seconds}s; cases not reported count as failed" >&2
fi

# Expected cases, in file order, from the @test lines of the copy.
mapfile -t cases < <(sed -n 's/^@test "\(.*\)" {[[:space:]]*$/\1/p' "$copy/acceptance.bats")
[[ ${#cases[@]} -gt 0 ]] || die "no @test cases found in acceptance.bats"

declare -A reason=()
while IFS='|' read -r name why; do
	reason[$name]=$why
done < <(classification)

declare -A status=()
declare -A diagnostics=()
current=
while IFS= read -r line; do
	if [[ $line =~ ^(not\ ok|ok)\ [0-9]+\ (.*)$ ]]; then
		outcome=${BASH_REMATCH[1]}
		name=${BASH_REMATCH[2]}
		if [[ $outcome == ok && $name =~ ^(.*)\ \#\ skip( .*)?$ ]]; then
			name=${BASH_REMATCH[1]}
			status[$name]=SKIPPED
		elif [[ $outcome == ok ]]; then
			status[$name]=PASS
		else
			status[$name]=FAIL
		fi
		current=$name
	elif [[ -n $current && $line == '#'* ]]; then
		diagnostics[$current]+="$line"$'\n'
	fi
done <"$tap"

for name in "${!reason[@]}"; do
	found=0
	for c in "${cases[@]}"; do
		if [[ $c == "$name" ]]; then
			found=1
			break
		fi
	done
	if [[ $found == 0 ]]; then
		echo "conftest-acceptance: warning: classified case not in acceptance.bats: $name" >&2
	fi
done

total=0 passed=0
supported=0 supported_passed=0
excluded=0 excluded_passed=0
failing_supported=()
echo "== conftest acceptance.bats against $binary"
for name in "${cases[@]}"; do
	st=${status[$name]:-FAIL}
	why=${reason[$name]:-}
	if [[ $why == network* && $network == 1 ]]; then
		why=
	fi
	total=$((total + 1))
	[[ $st == PASS ]] && passed=$((passed + 1))
	if [[ -n $why ]]; then
		excluded=$((excluded + 1))
		[[ $st == PASS ]] && excluded_passed=$((excluded_passed + 1))
		printf '%-4s  %s  [excluded: %s]\n' "${st:0:4}" "$name" "$why"
	else
		supported=$((supported + 1))
		if [[ $st == PASS ]]; then
			supported_passed=$((supported_passed + 1))
		else
			failing_supported+=("$name")
		fi
		if [[ -z ${status[$name]:-} ]]; then
			printf '%-4s  %s  [not reported by bats]\n' FAIL "$name"
		else
			printf '%-4s  %s\n' "${st:0:4}" "$name"
		fi
	fi
done

percent() {
	if [[ $2 -eq 0 ]]; then
		echo "n/a"
	else
		awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f%%", 100 * a / b }'
	fi
}

echo
echo "== summary"
echo "all cases:          $passed/$total passed ($(percent "$passed" "$total"))"
echo "supported parsers:  $supported_passed/$supported passed ($(percent "$supported_passed" "$supported")), threshold ${THRESHOLD_PERCENT}%"
echo "excluded:           $excluded_passed/$excluded passed (unsupported parser or network; not in the rate)"
echo "bats exit status:   $bats_status"

echo
if [[ ${#failing_supported[@]} -eq 0 ]]; then
	echo "== failing supported cases: none"
else
	echo "== failing supported cases (${#failing_supported[@]})"
	for name in "${failing_supported[@]}"; do
		echo "  - $name"
		if [[ $verbose == 1 && -n ${diagnostics[$name]:-} ]]; then
			printf '%s' "${diagnostics[$name]}" | sed 's/^/      /'
		fi
	done
fi

if [[ $supported -gt 0 && $((supported_passed * 100)) -ge $((supported * THRESHOLD_PERCENT)) ]]; then
	exit 0
fi
exit 1
