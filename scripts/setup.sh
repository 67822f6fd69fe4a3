#!/usr/bin/env bash
# Installs what the portal needs on a Debian 12 machine with Node 20, and nothing twice:
# Debian packages (LibreOffice for invoice PDFs, the PostgreSQL client), the Tryton runtime of
# TRYTON_SERIES (7.6 by default: tryton/runtime.sh, a venv that installs the Debian libraries it
# imports), pnpm from the npm registry, then the workspace's node modules. `--tests` adds what
# the test command needs: Chromium for the browser tests and a running PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(libreoffice-writer-nogui postgresql-client)
TESTS=false
if [[ "${1:-}" == "--tests" ]]; then TESTS=true; DEBIAN_PACKAGES+=(chromium); fi
SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL for the tests: started if it is not answering (installed first if absent), with a
# superuser role named after this OS user so that `postgresql://<user>@/` works over the socket.
if $TESTS && ! pg_isready -q; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "setup: installing PostgreSQL"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  echo "setup: starting PostgreSQL"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 50); do pg_isready -q && break; sleep 0.2; done
fi
if $TESTS && ! psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
  $SUDO runuser -u postgres -- createuser --superuser "$(id -un)"
fi

tryton/runtime.sh version >/dev/null

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null || [[ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null
fi

pnpm install --frozen-lockfile --reporter=append-only
