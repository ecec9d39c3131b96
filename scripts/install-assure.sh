#!/usr/bin/env bash
# Install assure for the GitHub Action (action.yml): the release's prebuilt
# binary for this runner, verified against the release's SHA256SUMS, or,
# when the release has no archive for it, a build from source with cargo.
#
#   scripts/install-assure.sh          install; print the directory to add
#                                      to PATH (also appended to $GITHUB_PATH)
#   scripts/install-assure.sh --plan   print target=, dir=, key= and cache=
#                                      for actions/cache (to $GITHUB_OUTPUT when set)
#
# Environment:
#   ASSURE_VERSION           the action's ref (github.action_ref): a tag, a commit
#                            SHA or a branch. The release downloaded is always the
#                            one of the source's own version (v<Cargo.toml version>),
#                            when the ref is that tag or the commit that tag names
#   ASSURE_REPOSITORY        owner/name holding the releases (github.action_repository)
#   ASSURE_RELEASE_BASE_URL  default $GITHUB_SERVER_URL/$ASSURE_REPOSITORY/releases/download
#   ASSURE_GIT_URL           default $GITHUB_SERVER_URL/$ASSURE_REPOSITORY.git (to find
#                            the release of a commit SHA)
#   ASSURE_INSTALL_DIR       default $RUNNER_TOOL_CACHE/assure/<version>/<target>
#   ASSURE_SOURCE            the tree to build when there is no archive (default:
#                            the repository this script is in)
#   RUNNER_OS, RUNNER_ARCH   GitHub's names of the platform; uname when unset
#
# A checksum that does not match, or a SHA256SUMS without exactly one line
# for the archive, fails the install: that is a release which differs from
# what it published, and building from source instead would hide it.
set -euo pipefail

say() { printf 'install-assure: %s\n' "$*" >&2; }
die() { printf 'install-assure: error: %s\n' "$*" >&2; exit 1; }

# Git Bash on Windows runners: the runner's variables hold Windows paths,
# and GITHUB_PATH and actions/cache want them back in that form.
posix_path() { if command -v cygpath >/dev/null 2>&1; then cygpath -u "$1"; else printf '%s\n' "$1"; fi; }
native_path() { if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else printf '%s\n' "$1"; fi; }

root=$(cd "$(dirname "$0")/.." && pwd)
source_dir=$(posix_path "${ASSURE_SOURCE:-$root}")
repo=${ASSURE_REPOSITORY:-}
ref=${ASSURE_VERSION:-}

os=${RUNNER_OS:-$(uname -s)}
case "$os" in
  Linux) os=Linux ;;
  macOS | Darwin) os=macOS ;;
  Windows | MINGW* | MSYS* | CYGWIN*) os=Windows ;;
esac
arch=${RUNNER_ARCH:-$(uname -m)}
case "$arch" in
  X64 | x86_64 | amd64) arch=x86_64 ;;
  ARM64 | aarch64 | arm64) arch=aarch64 ;;
esac
# The platforms .github/workflows/release.yml builds for; anything else is
# built from source.
target=""
case "$os/$arch" in
  Linux/x86_64 | Linux/aarch64) target=$arch-unknown-linux-musl ;;
  macOS/x86_64 | macOS/aarch64) target=$arch-apple-darwin ;;
  Windows/x86_64) target=x86_64-pc-windows-msvc ;;
esac
ext="" archive=assure-$target.tar.gz
if [ "$os" = Windows ]; then ext=.exe archive=assure-$target.zip; fi

# The ref ends up in a URL and a path: only a plain name is used there.
safe_ref=""
if [[ $ref =~ ^[A-Za-z0-9][A-Za-z0-9._+-]*$ ]]; then safe_ref=$ref; fi
# A version tag or a commit names code that does not change, so its install
# may be cached and reused; a branch moves, so it is installed every time.
fixed=false
if [[ $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ || $ref =~ ^[0-9a-f]{40}$ ]]; then fixed=true; fi
platform=${target:-source-$os-$arch}
install_dir=$(posix_path "${ASSURE_INSTALL_DIR:-$(posix_path "${RUNNER_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}}")/assure/${safe_ref:-unnamed}/$platform}")

if [ "${1:-}" = --plan ]; then
  {
    echo "target=$platform"
    echo "dir=$(native_path "$install_dir")"
    echo "key=assure-$platform-${safe_ref:-unnamed}"
    echo "cache=$fixed"
  } >>"${GITHUB_OUTPUT:-/dev/stdout}"
  exit 0
fi

bin_dir=$install_dir/bin
marker=$install_dir/.assure-install
# What a cached install must have been made for to be reused.
identity="ref=$ref platform=$platform"

publish() {
  local dir
  dir=$(native_path "$bin_dir")
  if [ -n "${GITHUB_PATH:-}" ]; then echo "$dir" >>"$GITHUB_PATH"; fi
  echo "$dir"
}

if $fixed && [ -f "$marker" ] && [ "$(head -n 1 "$marker")" = "$identity" ] &&
  "$bin_dir/assure$ext" --version >/dev/null 2>&1; then
  say "using the cached install in $install_dir ($(sed -n 2p "$marker"))"
  publish
  exit 0
fi

tmp=$(mktemp -d "$(posix_path "${RUNNER_TEMP:-${TMPDIR:-/tmp}}")/assure-install.XXXXXX")
staged="" release=""
trap 'rm -rf "$tmp" ${staged:+"$staged"}' EXIT

# Put a staged install ($staged/bin/assure) in place once it has run: until
# then nothing is in the install directory, and the marker is written last,
# so an interrupted install is never reused.
finish() {
  local out
  out=$("$staged/bin/assure$ext" --version 2>&1) || die "the installed assure does not run: $out"
  # A release and the version its binary reports should agree.
  if [ -n "$release" ] && [ "$out" != "assure ${release#v}" ]; then
    say "warning: release $release installed \"$out\""
  fi
  printf '%s\n%s\n' "$identity" "$1" >"$staged/.assure-install"
  mkdir -p "$(dirname "$install_dir")"
  rm -rf "$install_dir"
  mv "$staged" "$install_dir"
  staged=""
  say "installed $out in $install_dir ($1)"
  publish
  exit 0
}

build_from_source() {
  say "$1: building assure from $source_dir with cargo"
  command -v cargo >/dev/null 2>&1 ||
    die "no cargo on PATH to build assure from source (use the action at a release tag, or install a Rust toolchain first)"
  staged=$install_dir.new.$$
  rm -rf "$staged"
  cargo install --locked --quiet --force --path "$source_dir" --root "$staged" || die "cargo install failed"
  finish "built from source"
}

# A commit SHA is the release whose tag points at that very commit, as the
# remote says now: a tag moved elsewhere since is other code than was pinned.
release_of_commit() {
  local url refs commit
  url=${ASSURE_GIT_URL:-${GITHUB_SERVER_URL:-https://github.com}/$repo.git}
  # An annotated tag's commit is its peeled ref (^{}), listed only when
  # asked for by name; a lightweight tag names the commit itself.
  refs=$(git ls-remote --tags "$url" "refs/tags/v$version" "refs/tags/v$version^{}" 2>/dev/null) || return 1
  commit=$(awk -v t="refs/tags/v$version" '$2 == t { plain = $1 } $2 == t "^{}" { peeled = $1 }
    END { print (peeled != "" ? peeled : plain) }' <<<"$refs")
  [ "$commit" = "$ref" ]
}

# (`if`, not `||`: a function called on the right of || runs without set -e.)
if [ -z "$target" ]; then build_from_source "no release archive is built for $os $arch"; fi
if [ -z "$safe_ref" ]; then build_from_source "no release to download for ref \"$ref\""; fi
if [ -z "${ASSURE_RELEASE_BASE_URL:-}" ] && [ -z "$repo" ]; then
  build_from_source "no repository to download a release from"
fi
base=${ASSURE_RELEASE_BASE_URL:-${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download}
# Only the release of the action's own source version is installed: the
# ref says which code runs (and a composite action used inside another one
# may be handed the outer action's ref).
version=$(awk -F'"' '/^version *=/ { print $2; exit }' "$source_dir/Cargo.toml" 2>/dev/null || true)
tag=v$version
if [[ $ref =~ ^[0-9a-f]{40}$ ]]; then
  if ! release_of_commit; then build_from_source "commit $ref is not the tagged commit of release $tag"; fi
  say "commit $ref is release $tag"
elif [ "$ref" != "$tag" ]; then
  build_from_source "ref $ref is not the release of the action's source (version ${version:-unknown})"
fi

release=$tag

# Prints the HTTP status, 000 when there was no answer (curl retries
# transient failures itself).
download() {
  curl --fail --location --retry 3 --silent --show-error \
    --output "$2" --write-out '%{http_code}' "$1" 2>"$tmp/curl.log" || true
}
# SHA256SUMS is uploaded after the archives, so a release that has it has
# them all.
for file in SHA256SUMS "$archive"; do
  status=$(download "$base/$release/$file" "$tmp/$file")
  case "$status" in
    2??) ;;
    404) build_from_source "release $release has no $file" ;;
    *) die "downloading $base/$release/$file failed (HTTP $status): $(cat "$tmp/curl.log")" ;;
  esac
done

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1"
  else
    shasum -a 256 "$1"
  fi | awk '{ sub(/^\\/, ""); print tolower($1) }'
}
# Exactly one `<hash>  <name>` line (or `<hash> *<name>`) for this archive.
read -r lines expected <<<"$(awk -v f="$archive" '{ sub(/\r$/, ""); n = $2; sub(/^\*/, "", n) }
  NF == 2 && n == f { c++; h = tolower($1) } END { print c + 0, h }' "$tmp/SHA256SUMS")"
if [ "$lines" != 1 ] || ! [[ $expected =~ ^[0-9a-f]{64}$ ]]; then
  die "SHA256SUMS of release $release has $lines checksum lines for $archive, not one: refusing to install an unverified binary"
fi
actual=$(sha256 "$tmp/$archive")
if [ "$actual" != "$expected" ]; then
  die "checksum mismatch for $archive of release $release: SHA256SUMS says $expected, the download is $actual. Refusing to install it, and not building from source instead: a release asset that differs from its published checksum may have been tampered with"
fi

mkdir "$tmp/unpacked"
case "$archive" in
  *.zip)
    if command -v unzip >/dev/null 2>&1; then
      unzip -q "$tmp/$archive" -d "$tmp/unpacked"
    else
      7z x -y -bd -o"$tmp/unpacked" "$tmp/$archive" >/dev/null
    fi
    ;;
  *) tar -xzf "$tmp/$archive" -C "$tmp/unpacked" ;;
esac
[ -f "$tmp/unpacked/assure$ext" ] || die "$archive of release $release has no assure$ext"
staged=$install_dir.new.$$
rm -rf "$staged"
mkdir -p "$staged/bin"
cp "$tmp/unpacked/assure$ext" "$staged/bin/"
chmod +x "$staged/bin/assure$ext"
finish "release $release, $archive, sha256 $actual"
