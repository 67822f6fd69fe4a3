#!/usr/bin/env bash
# Runs the portal with demo data on a fresh Debian 12 machine with Node 20: installs what is
# missing, builds, prepares Tryton (SQLite) with the demo data, then starts Tryton
# (127.0.0.1:8000), the gateway (127.0.0.1:4000, Redis when one answers on REDIS_URL or
# 127.0.0.1:6379, in-process stores otherwise) and the web app (http://127.0.0.1:5173).
# Ctrl-C stops everything. Data persists in .tryton/demo/ (delete it to start over).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
pnpm -r --reporter=append-only build >/dev/null
exec node scripts/demo.mjs
