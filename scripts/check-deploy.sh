#!/usr/bin/env bash
# Validates the production deployment without a Docker engine (none here): the compose file
# with docker-compose 1.29 (Debian's), the traefik configuration (static: the traefik
# service's arguments; dynamic: traefik/dynamic.yml) against the routers the labels declare,
# the Dockerfiles' references, and that docs/operations.md documents every variable the
# gateway reads and every variable the compose file takes from .env.
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
for secret in $(/usr/bin/python3 -c '
import yaml
for name, secret in yaml.safe_load(open("docker-compose.yml"))["secrets"].items():
    assert secret["file"] == f"./secrets/{name}", f"secret {name}: file must be ./secrets/{name}"
    print(name)'); do
  echo "check-only" > "$work/secrets/$secret"
done
cp deploy/env.example "$work/.env"
echo "check-deploy: docker-compose config"
(cd "$work" && docker-compose -f docker-compose.yml config -q)
# The rendered file (.env interpolated) is what the traefik checks below read.
(cd "$work" && docker-compose -f docker-compose.yml config > rendered.yml)

echo "check-deploy: traefik configuration"
CHECK_RENDERED="$work/rendered.yml" /usr/bin/python3 - <<'PY'
import os
import re
import sys

import yaml

errors = []


def check(condition, message):
    if not condition:
        errors.append(message)
    return condition


raw = yaml.safe_load(open('docker-compose.yml'))
compose = yaml.safe_load(open(os.environ['CHECK_RENDERED']))
services = compose['services']
traefik = services['traefik']
dynamic = yaml.safe_load(open('traefik/dynamic.yml'))
middlewares = dynamic['http']['middlewares']

# -- The image: v3.6.1 or later (earlier docker providers fail on Docker Engine 29+), pinned.
match = re.fullmatch(r'traefik:v(\d+)\.(\d+)\.(\d+)', traefik['image'])
if check(match, f"traefik image {traefik['image']!r}: pin an exact vX.Y.Z tag"):
    version = tuple(int(part) for part in match.groups())
    check(version[0] == 3 and version >= (3, 6, 1), f'traefik {version}: need v3.6.1 or later')

# -- Static configuration: the command-line arguments, and nothing else.
args = {}
for arg in traefik.get('command') or []:
    key, _, value = arg.partition('=')
    check(key.startswith('--'), f'traefik argument {arg!r}')
    args[key[2:].lower()] = value if _ else 'true'
check('configfile' not in args, 'traefik: static configuration comes from the arguments only')
check(not any(k.startswith('TRAEFIK_') for k in traefik.get('environment') or {}),
      'traefik: TRAEFIK_* variables are ignored when arguments are given')
entrypoints = {m.group(1) for k in args if (m := re.fullmatch(r'entrypoints\.([^.]+)\.address', k))}
check(entrypoints >= {'web', 'websecure'}, f'traefik entry points: {entrypoints}')
check(args.get('entrypoints.web.http.redirections.entrypoint.to') == 'websecure'
      and args.get('entrypoints.web.http.redirections.entrypoint.scheme') == 'https',
      'traefik: HTTP must redirect to websecure over https')
check(args.get('entrypoints.websecure.forwardedheaders.insecure', 'false') == 'false',
      'traefik: must not trust X-Forwarded-* from clients')
check(args.get('providers.docker.exposedbydefault') == 'false', 'traefik: exposedByDefault')
edge = compose['networks']['edge'].get('name')
check(args.get('providers.docker.network') == edge, f'traefik: docker network is not {edge}')
mounts = {v.split(':')[1]: v.split(':')[0] for v in raw['services']['traefik']['volumes']}
dynamic_file = args.get('providers.file.filename')
check(mounts.get(dynamic_file) == './traefik/dynamic.yml', f'traefik: {dynamic_file} not mounted')
resolvers = {m.group(1) for k in args if (m := re.fullmatch(r'certificatesresolvers\.([^.]+)\.acme\.storage', k))}
for resolver in resolvers:
    acme = f'certificatesresolvers.{resolver}.acme.'
    check('@' in args.get(acme + 'email', ''), f'ACME resolver {resolver}: no e-mail')
    check(args.get(acme + 'caserver', '').startswith('https://'), f'ACME resolver {resolver}: caServer')
    check(args.get(acme + 'httpchallenge.entrypoint') in entrypoints, f'ACME resolver {resolver}: challenge entry point')
    storage = args[acme + 'storage']
    check(any(storage.startswith(path + '/') and not source.startswith('.')
              for path, source in mounts.items()), f'ACME storage {storage} is not on a volume')
for name in ('ACME_EMAIL', 'ACME_CA_SERVER'):
    check('${' + name in open('docker-compose.yml').read(), f'{name} is not used by docker-compose.yml')
check(args.get('ping') == 'true' and '--ping' in traefik['healthcheck']['test'],
      'traefik: the health check needs --ping')

# -- Dynamic configuration: each middleware is one known kind.
kinds = {'headers', 'compress', 'rateLimit', 'inFlightReq', 'redirectScheme', 'stripPrefix',
         'ipAllowList', 'buffering', 'retry', 'chain', 'circuitBreaker'}
for name, middleware in middlewares.items():
    check(isinstance(middleware, dict) and len(middleware) == 1 and set(middleware) <= kinds,
          f'middleware {name}: exactly one of {sorted(kinds)}')
headers = {name: m['headers'] for name, m in middlewares.items() if 'headers' in m}
common = [{k: v for k, v in h.items() if k != 'contentSecurityPolicy'} for h in headers.values()]
check(all(c == common[0] for c in common), 'security headers middlewares differ beyond the CSP')


def csp(policy):
    directives = {}
    for part in policy.split(';'):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


# -- Routers from the labels (rendered): what they name must exist.
used = set()
routed = {}
for service_name, service in services.items():
    labels = service.get('labels') or {}
    if labels.get('traefik.enable') != 'true':
        continue
    # Tryton is routed on a network of its own with traefik (its Stripe pages only).
    network = 'tryton-public' if service_name == 'tryton' else 'edge'
    check(network in (raw['services'][service_name].get('networks') or []), f'{service_name}: not on the {network} network')
    if service_name == 'tryton':
        check(labels.get('traefik.docker.network') == compose['networks']['tryton-public'].get('name'),
              'tryton: traefik must reach it on the tryton-public network')
    routers, lb_services = {}, set()
    for key, value in labels.items():
        if m := re.fullmatch(r'traefik\.http\.routers\.([^.]+)\.(.+)', key):
            routers.setdefault(m.group(1), {})[m.group(2)] = value
        elif m := re.fullmatch(r'traefik\.http\.services\.([^.]+)\..+', key):
            lb_services.add(m.group(1))
    check(routers, f'{service_name}: traefik.enable without routers')
    for lb in lb_services:
        check(f'traefik.http.services.{lb}.loadbalancer.server.port' in labels, f'service {lb}: no port')
        path = labels.get(f'traefik.http.services.{lb}.loadbalancer.healthcheck.path')
        if path and service_name == 'gateway':
            check(f"'{path}'" in open('packages/gateway/src/http/router.ts').read(),
                  f'gateway health check {path} is not routed by packages/gateway/src/http/router.ts')
    for router, attrs in routers.items():
        where = f'router {router} ({service_name})'
        rule = attrs.get('rule', '')
        check('Host(`' in rule and '${' not in rule and 'Host(``)' not in rule, f'{where}: rule {rule!r}')
        check(attrs.get('entrypoints') == 'websecure', f'{where}: must be on websecure only')
        check(attrs.get('tls.certresolver') in resolvers, f'{where}: unknown certresolver')
        # With several routers or services on a container, traefik needs them named.
        target = attrs.get('service')
        check(target in lb_services if target else len(lb_services) == 1 and len(routers) == 1,
              f'{where}: service {target!r} is not defined by {service_name}')
        names = [n.strip() for n in attrs.get('middlewares', '').split(',') if n.strip()]
        for name in names:
            base, _, provider = name.partition('@')
            check(provider == 'file' and base in middlewares, f'{where}: unknown middleware {name}')
            used.add(base)
        policies = [headers[n.split('@')[0]] for n in names if n.split('@')[0] in headers]
        if check(len(policies) == 1, f'{where}: needs exactly one security headers middleware'):
            routed[router] = (rule, csp(policies[0].get('contentSecurityPolicy', '')))
            check(policies[0].get('frameDeny') and policies[0].get('stsSeconds', 0) >= 31536000,
                  f'{where}: HSTS and frame denial')
check(used == set(middlewares), f'unused middlewares in dynamic.yml: {set(middlewares) - used}')

# -- CSP: strict for the SPA; inline styles only where GraphiQL's page is served.
web = routed.get('web', ('', {}))[1]
for directive in ('script-src', 'style-src'):
    check(web.get(directive) == ["'self'"], f"web CSP {directive} must be 'self' only: {web.get(directive)}")
check('default-src' in web and 'frame-ancestors' in web and web.get('object-src') == ["'none'"],
      'web CSP: default-src, object-src and frame-ancestors')
for router, (rule, policy) in routed.items():
    check('frame-ancestors' in policy, f'router {router}: CSP without frame-ancestors')
    # No router may run inline script or eval: GraphiQL's page needs neither (its files are
    # the gateway's, packages/gateway/src/http/graphiql.ts).
    loose = {"'unsafe-inline'", "'unsafe-eval'", 'blob:'} & set(policy.get('script-src', []))
    # Except Tryton's Stripe checkout page, relayed by the gateway: its inline script carries
    # the payment's client secret, so no hash names it (traefik/dynamic.yml); never eval or
    # blob: though.
    if router == 'gateway-stripe-checkout':
        loose -= {"'unsafe-inline'"}
    check(not loose, f'router {router}: script-src allows {loose}')
# Tryton's one route: Stripe's webhook, POST only. Its checkout page goes through the gateway,
# GET only, under the checkout path of payments (packages/gateway/src/http/stripe-checkout.ts).
tryton_routers = [router for router in routed if router.startswith('tryton-')]
check(tryton_routers == ['tryton-stripe-webhook'], f'Tryton must have one router, its webhook: {tryton_routers}')
for router, (rule, _) in routed.items():
    if router.startswith('tryton-'):
        check(re.search(r"PathPrefix\(`/[^/`]+/account_payment_stripe/webhook/`\)", rule)
              and 'Method(`POST`)' in rule, f'router {router}: only Stripe\'s webhook of Tryton, POST: {rule!r}')
checkout = routed.get('gateway-stripe-checkout', ('', {}))[0]
check(re.search(r"PathPrefix\(`/[^/`]+/account_payment_stripe/checkout/account\.payment/`\)", checkout)
      and 'Method(`GET`)' in checkout, f'router gateway-stripe-checkout: GET of the checkout path only: {checkout!r}')

# -- The rest of the stack.
check('ports' not in services['tryton'], 'Tryton must not be published')
for name, service in services.items():
    if name != 'tryton-init':
        check('healthcheck' in service, f'{name} has no healthcheck')
redis_command = ' '.join(services['redis']['command'])
check('allkeys-' not in redis_command, 'Redis must not evict quota and login keys (allkeys-*)')
tryton_env = services['tryton']['environment']
check(int(tryton_env.get('TRYTOND_SESSION__MAX_ATTEMPT_IP_NETWORK', 300)) > 300,
      'Tryton sees one IP per gateway replica: raise [session] max_attempt_ip_network')
check(':' not in tryton_env['TRYTOND_EMAIL__URI'].split('//', 1)[-1].rpartition('@')[0],
      'SMTP_URI must not hold the password (secrets/smtp_password)')
check('*.map' in open('deploy/web.Dockerfile').read(), 'deploy/web.Dockerfile must drop source maps')
# The brand folder (docs/branding.md): mounted read-only where nginx serves /brand/, and
# nginx answers 404 there rather than the SPA's index.html.
web_mounts = [v for v in raw['services']['web'].get('volumes') or [] if isinstance(v, str)]
check(any(v.endswith(':/usr/share/nginx/html/brand:ro') for v in web_mounts),
      'web: the brand folder must be mounted read-only at /usr/share/nginx/html/brand')
nginx = open('deploy/web/nginx.conf').read()
check(re.search(r'location /brand/ \{[^}]*try_files \$uri =404;', nginx),
      'deploy/web/nginx.conf: /brand/ must answer 404 for a missing file')
check(re.search(r'location = /brand/brand\.json \{[^}]*try_files \$uri =204;', nginx),
      'deploy/web/nginx.conf: a missing /brand/brand.json must answer 204 (no brand mounted)')

if errors:
    print('\n'.join('  ' + e for e in errors))
    sys.exit(1)
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
sh -n deploy/tryton/portal-entrypoint.sh deploy/tryton/portal-init.sh

echo "check-deploy: every gateway and .env variable is documented"
missing=0
for var in $(grep -oE '^  [A-Z][A-Z0-9_]+:' packages/gateway/src/config.ts | tr -d ' :') \
  $(grep -oE '\$\{[A-Z][A-Z0-9_]+' docker-compose.yml | tr -d '${' | sort -u); do
  if ! grep -q "\`$var\`" docs/operations.md; then
    echo "  docs/operations.md does not document $var"
    missing=1
  fi
done
exit "$missing"
