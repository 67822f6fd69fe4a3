#!/bin/sh
# One-shot (service tryton-init): creates or updates the database, activates the portal's
# modules, and creates or updates the gateway's technical user. Safe to run on every deploy.
set -eu
DB="${TRYTON_DATABASE:-portal}"
export TRYTONPASSFILE=/run/secrets/tryton_admin_password
# --all initialises a new database and updates an existing one.
trytond-admin -d "$DB" --all --email "${ADMIN_EMAIL:-admin@example.com}"
trytond-admin -d "$DB" -u portal_api account_fr sale account_invoice web_user --activate-dependencies -l fr
TRYTON_GATEWAY_PASSWORD_FILE=/run/secrets/tryton_gateway_password \
  trytond-console -d "$DB" < /usr/local/share/portal/gateway_user.py
echo "portal-init: database $DB ready, technical user portal_gateway up to date"
