# Sourced by the scripts that run trytond with the portal_api module: the interpreter of the
# Tryton runtime of TRYTON_SERIES (7.6 by default), built once by runtime.sh; portal_api is
# linked into that runtime's modules, so nothing is written into the system's Python.
TRYTON_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TRYTON_PYTHON="$("$TRYTON_DIR/runtime.sh" python)"
TRYTON_SERIES="${TRYTON_SERIES:-7.6}"
