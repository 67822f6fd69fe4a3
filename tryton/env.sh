# Sourced by the scripts that run Debian's trytond with the portal_api module.
# The module is found through its `trytond.modules` entry point (the egg-info in its folder),
# so nothing is written into /usr.
TRYTON_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PYTHONPATH="$TRYTON_DIR/modules/portal_api${PYTHONPATH:+:$PYTHONPATH}"
# trytond runs on Debian's interpreter, whatever python3 comes first on PATH.
TRYTON_PYTHON=/usr/bin/python3
