#!/usr/bin/env bash
# Makes PostgreSQL available for the local database (FerretDB's PostgreSQL backend). The server
# creates and runs its own private cluster under .data/pg; this script only provides the binaries.
# Quick and idempotent: nothing to do when they are there. Without root or apt-get it only says so,
# and the server falls back to FerretDB on SQLite (its start-up log says why).
set -euo pipefail

if [[ -n "${MONGODB_URI:-}" ]]; then
  echo "setup: MONGODB_URI is set; the server uses it. PostgreSQL not needed."
  exit 0
fi
if [[ "${DB_BACKEND:-}" == "sqlite" ]]; then
  echo "setup: DB_BACKEND=sqlite; PostgreSQL not needed."
  exit 0
fi

found=""
for dir in ${POSTGRES_BIN_DIR:-} /usr/lib/postgresql/17/bin /usr/lib/postgresql/16/bin /usr/lib/postgresql/15/bin; do
  if [[ -x "$dir/postgres" && -x "$dir/initdb" ]]; then found="$dir"; break; fi
done

if [[ -z "$found" ]]; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's postgresql (server binaries for the private local cluster)..."
    # Only the binaries are wanted: the package's own cluster is not started (policy-rc.d refuses
    # service starts during the install) and the server never uses it.
    policy=/usr/sbin/policy-rc.d
    created_policy=""
    if [[ ! -e "$policy" ]]; then
      printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y --no-install-recommends postgresql >/tmp/minqing-apt-postgresql.log 2>&1; then
      apt-get update >/dev/null 2>&1 || true
      apt-get install -y --no-install-recommends postgresql >/tmp/minqing-apt-postgresql.log 2>&1 || true
    fi
    [[ -n "$created_policy" ]] && rm -f "$policy"
    for dir in /usr/lib/postgresql/*/bin; do
      if [[ -x "$dir/postgres" && -x "$dir/initdb" ]]; then found="$dir"; fi
    done
  fi
fi

if [[ -z "$found" ]]; then
  echo "setup: WARNING: PostgreSQL is not installed and could not be installed here (needs root and apt-get)." >&2
  echo "setup: the server will use FerretDB on SQLite instead. To fix: apt-get install postgresql" >&2
  exit 0
fi

# initdb and postgres refuse to run as root: as root the server runs them as the 'postgres' system
# user, which Debian's package creates.
if [[ "$(id -u)" == "0" ]] && ! id -u postgres >/dev/null 2>&1; then
  echo "setup: WARNING: no 'postgres' system user to run PostgreSQL as; the server will use SQLite." >&2
  exit 0
fi
echo "setup: PostgreSQL ready ($("$found/postgres" --version))"
