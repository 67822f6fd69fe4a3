#!/bin/sh
# Builds the database URI from the secret file (the password never sits in the environment
# of the compose file), then runs the given command (trytond, or portal-init).
set -eu
if [ -n "${DB_PASSWORD_FILE:-}" ] && [ -r "$DB_PASSWORD_FILE" ]; then
  DB_PASSWORD="$(cat "$DB_PASSWORD_FILE")"
fi
: "${DB_HOSTNAME:?DB_HOSTNAME is required}" "${DB_USER:?DB_USER is required}" "${DB_PASSWORD:?DB_PASSWORD or DB_PASSWORD_FILE is required}"
TRYTOND_DATABASE__URI="postgresql://${DB_USER}:$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$DB_PASSWORD")@${DB_HOSTNAME}:${DB_PORT:-5432}/"
export TRYTOND_DATABASE__URI
export TRYTOND_WEB__LISTEN="${TRYTOND_WEB__LISTEN:-0.0.0.0:8000}"
export TRYTOND_DATABASE__PATH="${TRYTOND_DATABASE__PATH:-/var/lib/trytond/db}"
exec "$@"
