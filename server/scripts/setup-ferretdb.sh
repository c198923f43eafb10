#!/usr/bin/env bash
# Installs FerretDB v1 (SQLite backend, MongoDB wire protocol) into the project's tool folder,
# .tools/bin/ferretdb, using the Go toolchain and the Go module proxy. Skipped when present.
#
# Why not just `go install`: the proxy refuses the module's version list (403), which
# `go install pkg@version` reads to check for deprecations, and the module zip ships an empty
# build/version/version.txt (FerretDB's own build generates it), which makes the binary panic at
# start. So: `go mod download` the pinned version, copy it somewhere writable, write version.txt,
# and build from that copy.
set -euo pipefail

FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.0}"
MODULE="github.com/FerretDB/FerretDB"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin_dir="$root/.tools/bin"
target="$bin_dir/ferretdb"

if [[ -n "${MONGODB_URI:-}" && "${FORCE_FERRETDB:-}" != "1" ]]; then
  echo "setup: MONGODB_URI is set; the server uses it. FerretDB not needed."
  exit 0
fi

if command -v mongod >/dev/null 2>&1 && [[ "${FORCE_FERRETDB:-}" != "1" ]]; then
  echo "setup: mongod is on PATH ($(command -v mongod)); the server will use it. FerretDB not needed."
  exit 0
fi

# Output is captured before it is searched: with pipefail, `grep -q` or `head` closing the pipe early
# would kill ferretdb with SIGPIPE and fail the step (exit 141), depending on timing.
installed_version() { [[ -x "$target" ]] && "$target" --version 2>/dev/null || true; }
if [[ "$(installed_version)" == *"version: $FERRETDB_VERSION"* ]]; then
  echo "setup: FerretDB $FERRETDB_VERSION already installed at $target"
  exit 0
fi

# Go's default install location, for shells that have not put it on PATH.
[[ -x /usr/local/go/bin/go ]] && export PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null 2>&1; then
  # Not fatal: the server then falls back to mongodb-memory-server (needs internet) and says so.
  echo "setup: WARNING: 'go' is not on PATH, so FerretDB cannot be built (https://go.dev/dl/)." >&2
  echo "setup: set MONGODB_URI, put mongod on PATH, or install Go and run 'npm run setup'." >&2
  exit 0
fi

started=$(date +%s)
mkdir -p "$bin_dir"
echo "setup: building FerretDB $FERRETDB_VERSION from the Go module proxy (about 2 minutes the first time)..."

if GOBIN="$bin_dir" GOFLAGS=-buildvcs=false go install "$MODULE/cmd/ferretdb@$FERRETDB_VERSION" 2>/tmp/minqing-go-install.log \
  && "$target" --version >/dev/null 2>&1; then
  echo "setup: installed with go install"
else
  echo "setup: go install did not give a working binary ($(head -c 300 /tmp/minqing-go-install.log | tr '\n' ' ')); building from the module cache"
  module_dir="$(go mod download -json "$MODULE@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  if [[ -z "$module_dir" || ! -d "$module_dir" ]]; then
    echo "setup: go mod download $MODULE@$FERRETDB_VERSION failed" >&2
    exit 1
  fi
  work="$(mktemp -d)"
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
  cp -R "$module_dir/." "$work/"
  chmod -R u+w "$work"
  echo "$FERRETDB_VERSION" >"$work/build/version/version.txt"
  (cd "$work" && GOFLAGS=-buildvcs=false go build -trimpath -o "$target" ./cmd/ferretdb)
fi

version_output="$("$target" --version)"
echo "${version_output%%$'\n'*}"
echo "setup: FerretDB ready at $target in $(($(date +%s) - started)) s"
