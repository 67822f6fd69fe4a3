#!/usr/bin/env bash
# The one command that passes all the tests on a fresh Debian 12 machine with Node 20:
# installs what is missing, then lints, type-checks and builds the workspace, runs the Tryton
# module's tests, and every package's tests (their setups start a fresh Tryton, an SMTP catcher
# and what else they need on free loopback ports, and stop them). Everything runs on Tryton 7.6,
# the production series; the module's tests and the gateway's integration tests run on the
# long-term-support series 8.0 and 7.0 as well (docs/decisions/tryton-versions.md).
#
# Two lanes, one per core (the run is CPU-bound: docs/development.md has the measured times):
# - in the background, one Python process at a time: the module's tests on 7.6, 8.0 and 7.0,
#   then the LTS series' demo databases (mostly one trytond process each);
# - in the foreground: lint, build, the packages' tests and the browser tests on 7.6.
# Then the LTS series' gateway tests, the two series side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's heading says when it started (seconds since the run began); the run ends with
# the time each step took and the processor time its commands used (children's user+system,
# counted when they end: the background lane's in the step that waits for it).
step_names=() step_starts=() step_cpu=()
cpu_file="$(mktemp)"
# `times` in this shell (in a $(...) subshell it would count nothing): sets $cpu.
read_cpu() {
  times >"$cpu_file"
  cpu=$(tail -n 1 "$cpu_file" | awk '{ split($1, u, "m"); split($2, s, "m"); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
}
step() {
  read_cpu
  step_names+=("$*") step_starts+=("$SECONDS") step_cpu+=("$cpu")
  printf '\n\033[1m== [%4ss] %s\033[0m\n' "$SECONDS" "$*"
}
step_times() {
  local i end cpu_end
  read_cpu
  printf '\n== step times (wall s, processor s)\n'
  for i in "${!step_names[@]}"; do
    end=${step_starts[$((i + 1))]:-$SECONDS}
    cpu_end=${step_cpu[$((i + 1))]:-$cpu}
    printf '%5s %6s  %s\n' "$((end - step_starts[i]))" "$((cpu_end - step_cpu[i]))" "${step_names[i]}"
  done
  printf '%5s %6s  total\n' "$SECONDS" "$cpu"
}
background_pid=''
on_exit() {
  if [ -n "$background_pid" ]; then
    # Each command may find nothing to stop (the lane ended): under set -e a failing command
    # in the EXIT trap would turn a green run into exit 1.
    pkill -P "$background_pid" 2>/dev/null || true
    kill "$background_pid" 2>/dev/null || true
  fi
  step_times
}
trap on_exit EXIT

step "setup"
scripts/setup.sh --tests

# Jobs run beside others: each job's output goes to its own log, shown by show_jobs once they
# are done; a failed job does not stop the others. The background lane's demo databases need
# the workspace built: they wait for the foreground lane's build.
jobs_dir="$(mktemp -d)"
run_job() {
  local name=$1
  shift
  # In an `if`, a failure is a status to record, not set -e's exit.
  if "$@" >"$jobs_dir/$name.log" 2>&1; then echo 0; else echo 1; fi >"$jobs_dir/$name.rc"
}
show_jobs() {
  local job failed=0
  for job in "$@"; do
    step "$job: output"
    cat "$jobs_dir/$job.log"
    if [ "$(cat "$jobs_dir/$job.rc")" != 0 ]; then
      echo "test: $job failed" >&2
      failed=1
    fi
  done
  return "$failed"
}
lts_demo() {
  while [ ! -e "$jobs_dir/built" ]; do
    [ -e "$jobs_dir/build-failed" ] && return 1
    sleep 2
  done
  TRYTON_SERIES=$1 node --input-type=module \
    -e "await (await import('./packages/demo-data/dist/index.js')).demoTemplate()"
}
step "background: the module's tests on Tryton 7.6, 8.0 and 7.0, then the LTS demo databases"
(
  for series in 7.6 8.0 7.0; do
    run_job "module-$series" env TRYTON_SERIES=$series tryton/test.sh
  done
  for series in 8.0 7.0; do
    run_job "demo-$series" lts_demo "$series"
  done
) &
background_pid=$!

step "lint and format check (biome)"
pnpm exec biome check .

step "build and type-check"
if ! pnpm -r build; then
  touch "$jobs_dir/build-failed"
  exit 1
fi
touch "$jobs_dir/built"
pnpm -r typecheck

step "generated code is current (schema SDL is checked by the gateway tests)"
pnpm --filter @portal/web codegen:check

step "deployment files (docker-compose config, traefik, Dockerfiles, documented variables)"
scripts/check-deploy.sh

step "package tests (real Tryton, Redis, SMTP catcher)"
pnpm --workspace-concurrency=1 --filter @portal/tryton-client --filter @portal/devstack --filter @portal/demo-data --filter @portal/gateway --filter @portal/web test

# The web app was built above (`pnpm -r build`): `pnpm --filter @portal/web e2e` would build
# it again; the same checks on the same build.
step "browser tests (Chromium, real stack: Tryton with demo data, gateway, built web app)"
(cd packages/web && node scripts/size.mjs && pnpm exec vitest run --config vitest.e2e.config.ts)

step "background lane: waiting for it"
wait "$background_pid"
background_pid=''
show_jobs module-7.6 module-8.0 module-7.0 demo-8.0 demo-7.0 || exit 1

# On the LTS series, what depends on Tryton's protocol and data model: the gateway's sign-in,
# client-IP, isolation, node, query and keyset-paging tests (the order of undated records
# differs by backend and series), and the customer's writes, payments and complaints (each a
# portal_api method in Tryton). The gateway calls Tryton only through tryton-client, so these
# run the client's protocol handling on each series too. The gateway's own mechanisms (cache,
# quotas, resilience) do not change with the series; the production init path runs on 7.6,
# production's series, above. The two series run side by side (each mostly one trytond
# process: a core each), their output shown once both are done.
lts_series() {
  TRYTON_SERIES=$1 pnpm --filter @portal/gateway exec vitest run test/auth.test.ts \
    test/client-ip.test.ts test/isolation.test.ts test/isolation-layers.test.ts \
    test/nodes.test.ts test/queries.test.ts test/pagination.test.ts test/writes.test.ts \
    test/account-writes.test.ts test/payments.test.ts test/online-payments.test.ts \
    test/complaints.test.ts
}
step "Tryton 8.0 and 7.0 LTS: gateway integration tests, side by side"
for series in 8.0 7.0; do
  run_job "lts-$series" lts_series "$series" &
done
wait
show_jobs lts-8.0 lts-7.0
