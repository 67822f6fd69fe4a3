#!/usr/bin/env bash
# Installs what the portal needs on a Debian 12 machine with Node 20, and nothing twice:
# Debian packages (Tryton 6.0 and its modules, LibreOffice for invoice PDFs, Chromium for the
# browser tests), pnpm from the npm registry, then the workspace's node modules.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  tryton-server tryton-modules-sale tryton-modules-account-invoice tryton-modules-web-user
  tryton-modules-account-payment tryton-modules-account-fr tryton-modules-sale-complaint tryton-proteus
  libreoffice-writer-nogui
)
if [[ "${1:-}" == "--browser" ]]; then DEBIAN_PACKAGES+=(chromium); fi

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null || [[ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null
fi

pnpm install --frozen-lockfile --reporter=append-only
