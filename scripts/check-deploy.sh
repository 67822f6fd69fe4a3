#!/usr/bin/env bash
# Validates the production deployment without a Docker engine (none here): the compose file
# with docker-compose 1.29 (Debian's), the traefik configuration as YAML, the Dockerfiles'
# references, and that docs/operations.md documents every variable the gateway reads.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null; then
  echo "check-deploy: installing docker-compose (Debian)"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi

# The compose file needs its .env values and secret files to render; use throwaway ones.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp docker-compose.yml "$work/"
mkdir -p "$work/secrets" "$work/traefik"
for secret in tryton_gateway_password tryton_admin_password redis_password postgres_password; do
  echo "check-only" > "$work/secrets/$secret"
done
cp deploy/env.example "$work/.env"
echo "check-deploy: docker-compose config"
(cd "$work" && docker-compose -f docker-compose.yml config -q)

echo "check-deploy: traefik configuration"
/usr/bin/python3 - <<'PY'
import yaml
static = yaml.safe_load(open('traefik/traefik.yml'))
dynamic = yaml.safe_load(open('traefik/dynamic.yml'))
assert static['entryPoints']['web']['http']['redirections']['entryPoint']['scheme'] == 'https'
assert static['providers']['docker']['exposedByDefault'] is False
middlewares = dynamic['http']['middlewares']
for name in ('security-headers', 'compress', 'gateway-ratelimit'):
    assert name in middlewares, name
compose = yaml.safe_load(open('docker-compose.yml'))
for service in ('gateway', 'web'):
    labels = compose['services'][service]['labels']
    for used in labels.get(f'traefik.http.routers.{service}.middlewares', '').split(','):
        assert used.split('@')[0] in middlewares, f'{service} uses unknown middleware {used}'
assert 'ports' not in compose['services']['tryton'], 'Tryton must not be published'
for name, service in compose['services'].items():
    if name != 'tryton-init':
        assert 'healthcheck' in service, f'{name} has no healthcheck'
PY

echo "check-deploy: Dockerfiles"
for file in deploy/gateway.Dockerfile deploy/web.Dockerfile deploy/tryton/Dockerfile; do
  grep -q '^FROM ' "$file" || { echo "$file: no FROM"; exit 1; }
  # Every COPY source from the build context must exist.
  grep -E '^COPY ' "$file" | grep -v -- '--from=' | while read -r _ rest; do
    for src in ${rest% *}; do
      [[ "$src" == --* ]] && continue
      compgen -G "$src" >/dev/null || { echo "$file: COPY source $src missing"; exit 1; }
    done
  done
  grep -qE '^USER ' "$file" || [[ "$file" == deploy/web.Dockerfile ]] || { echo "$file: runs as root"; exit 1; }
done

echo "check-deploy: every gateway variable is documented"
missing=0
for var in $(grep -oE '^  [A-Z][A-Z0-9_]+:' packages/gateway/src/config.ts | tr -d ' :'); do
  if ! grep -q "\`$var\`" docs/operations.md; then
    echo "  docs/operations.md does not document $var"
    missing=1
  fi
done
exit "$missing"
