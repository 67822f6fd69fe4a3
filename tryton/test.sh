#!/usr/bin/env bash
# Runs the portal_api module's tests with trytond's test framework (SQLite in memory).
set -euo pipefail
source "$(dirname "$0")/env.sh"
export DB_NAME="${DB_NAME:-:memory:}"
export TRYTOND_DATABASE__URI="${TRYTOND_DATABASE__URI:-sqlite://}"
# trytond caches the activated test database here, so the second run skips ~1 minute.
# Keyed by the module's files, so a changed module never reuses a stale database.
MODULE_HASH="$(cd "$TRYTON_DIR/modules/portal_api" && find . -name '*.py' -o -name '*.xml' -o -name '*.cfg' | sort | xargs cat | sha256sum | cut -c1-16)"
export DB_CACHE="${DB_CACHE:-$TRYTON_DIR/../.cache/trytond-tests/$MODULE_HASH}"
mkdir -p "$DB_CACHE"
cd "$TRYTON_DIR"
exec "$TRYTON_PYTHON" - "$@" <<'PY'
import sys
import unittest

from trytond.modules import import_module

import_module('portal_api')
from trytond.modules.portal_api.tests import suite  # noqa: E402

result = unittest.TextTestRunner(verbosity=2).run(suite())
sys.exit(0 if result.wasSuccessful() else 1)
PY
