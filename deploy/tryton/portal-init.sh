#!/bin/sh
# One-shot (service tryton-init): creates or updates the database, activates the portal's
# modules, and creates or updates the gateway's technical user. Safe to run on every deploy.
#
# The defaults are the image's paths; each can be set, so that the same script runs outside
# Docker (the init smoke test, packages/gateway/test/init-smoke.test.ts):
#   TRYTON_DATABASE               the database (default portal); it must exist (PostgreSQL)
#   TRYTON_ADMIN_PASSWORD_FILE    admin's password, used when the database is created
#   TRYTON_GATEWAY_PASSWORD_FILE  the technical user's password
#   PORTAL_GATEWAY_USER_SCRIPT    gateway_user.py
#   ADMIN_EMAIL                   admin's e-mail
# trytond-admin and trytond-console are taken from PATH, trytond's settings from its usual
# sources (TRYTOND_CONFIG, TRYTOND_* variables: portal-entrypoint sets the database URI).
set -eu
DB="${TRYTON_DATABASE:-portal}"
TRYTONPASSFILE="${TRYTON_ADMIN_PASSWORD_FILE:-/run/secrets/tryton_admin_password}"
TRYTON_GATEWAY_PASSWORD_FILE="${TRYTON_GATEWAY_PASSWORD_FILE:-/run/secrets/tryton_gateway_password}"
GATEWAY_USER_SCRIPT="${PORTAL_GATEWAY_USER_SCRIPT:-/usr/local/share/portal/gateway_user.py}"
export TRYTONPASSFILE TRYTON_GATEWAY_PASSWORD_FILE
for file in "$TRYTONPASSFILE" "$TRYTON_GATEWAY_PASSWORD_FILE" "$GATEWAY_USER_SCRIPT"; do
  [ -r "$file" ] || { echo "portal-init: cannot read $file" >&2; exit 1; }
done
# One pass: --all initialises a new database or updates every activated module of an
# existing one, -u activates the portal's modules (once) with their dependencies. As two
# commands, a re-run would update every module twice. account_payment_stripe (optional for
# portal_api) lets the company take online payments once it configures a Stripe account.
trytond-admin -d "$DB" --all -u portal_api account_fr sale account_invoice web_user account_payment_stripe \
  --activate-dependencies -l fr --email "${ADMIN_EMAIL:-admin@example.com}"
trytond-console -d "$DB" < "$GATEWAY_USER_SCRIPT"
echo "portal-init: database $DB ready, technical user up to date"
