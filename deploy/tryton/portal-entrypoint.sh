#!/bin/sh
# Builds the database URI from the secret file (the password never sits in the environment
# of the compose file), adds the SMTP relay's password from its secret file to Tryton's
# [email] uri, then runs the given command (trytond, or portal-init).
#
# Every path comes from the environment, so the same script runs outside Docker (the init
# smoke test): DB_PASSWORD_FILE, SMTP_PASSWORD_FILE, TRYTOND_DATABASE__PATH (the filestore,
# default /var/lib/trytond/db), TRYTOND_WEB__LISTEN (default 0.0.0.0:8000); the command is
# looked up on PATH. A trytond configuration file (TRYTOND_CONFIG) overrides TRYTOND_*
# variables: keep the settings this script writes out of it.
set -eu
if [ -n "${DB_PASSWORD_FILE:-}" ] && [ -r "$DB_PASSWORD_FILE" ]; then
  DB_PASSWORD="$(cat "$DB_PASSWORD_FILE")"
fi
: "${DB_HOSTNAME:?DB_HOSTNAME is required}" "${DB_USER:?DB_USER is required}" "${DB_PASSWORD:?DB_PASSWORD or DB_PASSWORD_FILE is required}"
TRYTOND_DATABASE__URI="postgresql://${DB_USER}:$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$DB_PASSWORD")@${DB_HOSTNAME}:${DB_PORT:-5432}/"
export TRYTOND_DATABASE__URI
# trytond has no *_FILE settings: SMTP_URI (.env) carries the user, the secret the password.
# An empty or absent secret leaves the URI as it is (a relay that needs no password).
if [ -n "${SMTP_PASSWORD_FILE:-}" ] && [ -s "$SMTP_PASSWORD_FILE" ] && [ -n "${TRYTOND_EMAIL__URI:-}" ]; then
  TRYTOND_EMAIL__URI="$(python3 - "$TRYTOND_EMAIL__URI" "$SMTP_PASSWORD_FILE" <<'PY'
import sys
import urllib.parse

uri, path = sys.argv[1], sys.argv[2]
with open(path, encoding='utf-8') as secret:
    password = secret.read().rstrip('\r\n')
parts = urllib.parse.urlsplit(uri)
credentials, at, host = parts.netloc.rpartition('@')
if not at or not credentials:
    sys.exit('portal-entrypoint: SMTP_URI names no user for the password in ' + path)
if ':' in credentials:
    sys.exit('portal-entrypoint: SMTP_URI already holds a password; keep it only in ' + path)
# trytond unquotes user and password (unquote_plus): quote everything, "+" included.
netloc = credentials + ':' + urllib.parse.quote(password, safe='') + '@' + host
print(urllib.parse.urlunsplit(parts._replace(netloc=netloc)))
PY
)"
  export TRYTOND_EMAIL__URI
fi
export TRYTOND_WEB__LISTEN="${TRYTOND_WEB__LISTEN:-0.0.0.0:8000}"
export TRYTOND_DATABASE__PATH="${TRYTOND_DATABASE__PATH:-/var/lib/trytond/db}"
exec "$@"
