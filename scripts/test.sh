#!/usr/bin/env bash
# The one command that passes all the tests on a fresh Debian 12 machine with Node 20:
# installs what is missing, then lints, type-checks and builds the workspace, runs the Tryton
# module's tests, and every package's tests (their setups start a fresh Tryton, an SMTP catcher
# and what else they need on free loopback ports, and stop them). Everything runs on Tryton 7.6,
# the production series; the module's tests and the client's and gateway's integration tests
# run on the long-term-support series 8.0 and 7.0 as well (docs/decisions/tryton-versions.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's heading says when it started (seconds since the run began); the run ends with
# the time each step took, so a slow step shows in CI's log.
step_names=() step_starts=()
step() {
  step_names+=("$*") step_starts+=("$SECONDS")
  printf '\n\033[1m== [%4ss] %s\033[0m\n' "$SECONDS" "$*"
}
step_times() {
  local i end
  printf '\n== step times (s)\n'
  for i in "${!step_names[@]}"; do
    end=${step_starts[$((i + 1))]:-$SECONDS}
    printf '%5s  %s\n' "$((end - step_starts[i]))" "${step_names[i]}"
  done
  printf '%5s  total\n' "$SECONDS"
}
trap step_times EXIT

step "setup"
scripts/setup.sh --tests

step "lint and format check (biome)"
pnpm exec biome check .

step "build and type-check"
pnpm -r build
pnpm -r typecheck

step "generated code is current (schema SDL is checked by the gateway tests)"
pnpm --filter @portal/web codegen:check

step "deployment files (docker-compose config, traefik, Dockerfiles, documented variables)"
scripts/check-deploy.sh

# Each series' run is one Python process: two at a time fill the two cores. The output of
# each is shown once all are done; any failure fails the run.
step "Tryton 7.6, 8.0 and 7.0: module tests (portal_api, trytond's test framework), two series at a time"
module_dir="$(mktemp -d)"
printf '%s\n' 7.6 8.0 7.0 | xargs -P 2 -I{} bash -c \
  'if TRYTON_SERIES={} tryton/test.sh >"$0/{}.log" 2>&1; then echo 0; else echo 1; fi >"$0/{}.rc"' \
  "$module_dir"
module_failed=0
for series in 7.6 8.0 7.0; do
  step "Tryton $series: module tests: output"
  cat "$module_dir/$series.log"
  if [ "$(cat "$module_dir/$series.rc")" != 0 ]; then
    echo "test: the Tryton $series module tests failed" >&2
    module_failed=1
  fi
done
[ "$module_failed" = 0 ] || exit 1

# The LTS series' demo databases take minutes to build, mostly in one trytond process: build
# them in the background while the 7.6 package and browser tests run (a second core's work).
step "Tryton 8.0 and 7.0 LTS: demo databases, built in the background"
lts_log="$(mktemp)"
(
  for series in 8.0 7.0; do
    TRYTON_SERIES=$series node --input-type=module \
      -e "await (await import('./packages/demo-data/dist/index.js')).demoTemplate()"
  done
) >"$lts_log" 2>&1 &
lts_pid=$!
# Each command may find nothing to stop (the builds ended): under set -e a failing command in
# the EXIT trap would turn a green run into exit 1.
trap 'pkill -P "$lts_pid" 2>/dev/null || true; kill "$lts_pid" 2>/dev/null || true; step_times' EXIT

step "package tests (real Tryton, Redis, SMTP catcher)"
pnpm --workspace-concurrency=1 --filter @portal/tryton-client --filter @portal/devstack --filter @portal/demo-data --filter @portal/gateway --filter @portal/web test

step "browser tests (Chromium, real stack: Tryton with demo data, gateway, built web app)"
pnpm --filter @portal/web e2e

# On the LTS series, what depends on Tryton's protocol and data model: the client's tests and
# the gateway's sign-in, client-IP, isolation, node, query and keyset-paging tests (the order of
# undated records differs by backend and series), and the customer's writes, payments and
# complaints (each a portal_api method in Tryton). The gateway's own mechanisms (cache, quotas, resilience) do
# not change with the series; the production init path runs on 7.6, production's series, above.
# The two series run side by side (each mostly one trytond process: a core each), their output
# shown once both are done.
step "Tryton 8.0 and 7.0 LTS: waiting for their demo databases"
if ! wait "$lts_pid"; then
  cat "$lts_log" >&2
  echo "test: building the LTS demo databases failed" >&2
  exit 1
fi
lts_series() {
  TRYTON_SERIES=$1 pnpm --filter @portal/tryton-client test &&
    TRYTON_SERIES=$1 pnpm --filter @portal/gateway exec vitest run test/auth.test.ts \
      test/client-ip.test.ts test/isolation.test.ts test/isolation-layers.test.ts \
      test/nodes.test.ts test/queries.test.ts test/pagination.test.ts test/writes.test.ts \
      test/account-writes.test.ts test/payments.test.ts test/online-payments.test.ts \
      test/complaints.test.ts
}
step "Tryton 8.0 and 7.0 LTS: tryton-client and gateway integration tests, side by side"
lts_dir="$(mktemp -d)"
for series in 8.0 7.0; do
  # In an `if`, a failure is a status to record, not set -e's exit of the subshell.
  (if lts_series "$series" >"$lts_dir/$series.log" 2>&1; then echo 0; else echo 1; fi \
    >"$lts_dir/$series.rc") &
done
wait
lts_failed=0
for series in 8.0 7.0; do
  step "Tryton $series LTS: output"
  cat "$lts_dir/$series.log"
  if [ "$(cat "$lts_dir/$series.rc")" != 0 ]; then
    echo "test: the Tryton $series LTS tests failed" >&2
    lts_failed=1
  fi
done
exit "$lts_failed"
