#!/usr/bin/env bash
# Runs the portal_api module's tests with trytond's test framework (SQLite in memory), on the
# Tryton series of TRYTON_SERIES (7.6 by default; 8.0 and 7.0 in CI too). Arguments (or
# TESTS=a,b) pick tests by name, as unittest's -k does: `tryton/test.sh complaint`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
export DB_NAME="${DB_NAME:-:memory:}"
export TRYTOND_DATABASE__URI="${TRYTOND_DATABASE__URI:-sqlite://}"
# Past `[cache] clean_timeout` (300 s) since its last sync, trytond's cache syncs when a
# transaction starts, through a connection it sets to autocommit: on an in-memory SQLite
# database that is the test's own connection, so a test that starts a nested transaction
# (web.user.authenticate records attempts in one) then commits its whole world, and every
# later test's world collides with it. A run longer than 5 minutes (a busy machine, or
# simply more tests) failed that way; the module's tests never need the sync.
export TRYTOND_CACHE__CLEAN_TIMEOUT="${TRYTOND_CACHE__CLEAN_TIMEOUT:-86400}"
# trytond caches the activated test database here, so the second run skips ~1 minute.
# Keyed by the module's files, so a changed module never reuses a stale database.
MODULE_HASH="$(cd "$TRYTON_DIR/modules/portal_api" && find . -name '*.py' -o -name '*.xml' -o -name '*.cfg' -o -name '*.txt' | sort | xargs cat | sha256sum | cut -c1-16)"
export DB_CACHE="${DB_CACHE:-$TRYTON_DIR/../.cache/trytond-tests/$TRYTON_SERIES-$MODULE_HASH}"
mkdir -p "$DB_CACHE"
cd "$TRYTON_DIR"
exec "$TRYTON_PYTHON" - "$@" <<'PY'
import os
import sys
import time
import unittest

from trytond.transaction import Transaction

# SQLite in memory: every transaction of the thread shares one connection. A transaction
# Tryton opens inside a test's (`new_transaction`: web_user's password re-hash at login,
# the messages of integrity errors) would then commit or roll back the test's own data:
# a commit leaked that test's world into every later test ("e-mail of active web user must
# be unique", a run in three), a rollback lost it. On PostgreSQL each transaction has its
# own connection; here a nested transaction's commit and rollback leave the connection to
# the test's transaction, which rolls everything back at its end.
if os.environ.get('DB_NAME') == ':memory:':
    def nested(transaction):
        stack = Transaction._local.transactions
        return bool(stack) and transaction is not stack[0]

    def guard(method):
        def wrapper(self, *args, **kwargs):
            if nested(self):
                return None
            return method(self, *args, **kwargs)
        return wrapper
    Transaction.commit = guard(Transaction.commit)
    Transaction.rollback = guard(Transaction.rollback)

from trytond.modules.portal_api.tests import test_portal_api

loader = unittest.TestLoader()
# Arguments (or TESTS=a,b) pick tests by name, as unittest's -k does: `tryton/test.sh complaint`.
names = sys.argv[1:] + [n for n in os.environ.get('TESTS', '').split(',') if n]
loader.testNamePatterns = [n if '*' in n else '*%s*' % n for n in names] or None
suite = loader.loadTestsFromModule(test_portal_api)


class TimedResult(unittest.TextTestResult):
    "Records each test's time: the slowest are listed at the end, to keep the run short."
    durations = []

    def startTest(self, test):
        self._started = time.monotonic()
        super().startTest(test)

    def stopTest(self, test):
        super().stopTest(test)
        self.durations.append((time.monotonic() - self._started, test.id().rsplit('.', 2)[-2:]))


result = unittest.TextTestRunner(verbosity=2, resultclass=TimedResult).run(suite)
print('slowest tests (s):', file=sys.stderr)
for seconds, (case, name) in sorted(TimedResult.durations, reverse=True)[:8]:
    print('%6.1f  %s.%s' % (seconds, case, name), file=sys.stderr)
if result.testsRun == 0:
    sys.exit('no test ran')
sys.exit(0 if result.wasSuccessful() else 1)
PY
