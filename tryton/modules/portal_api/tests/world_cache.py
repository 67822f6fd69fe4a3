"""Each test world (make_world, make_documents, make_sales_world...) is built once per run and
test class, then restored from a snapshot of the database: building one takes 1 to 8 s of
Tryton's ORM, which was most of the module tests' time; a restore takes milliseconds.

Only on SQLite in memory (tryton/test.sh), through SQLite's backup API:
- the first test that asks for a world builds it as before, commits it and copies the
  database into a snapshot (a second in-memory database);
- a later test asking for the same world, at the same point (nothing written since its
  transaction or its last world began), gets the snapshot copied back into its database,
  and the world's records read anew in its own transaction;
- every test that committed or restored a world gets the database as it was before any
  world (the class's clean snapshot) back in tearDown, so the next test starts clean, as it
  did when each test only rolled back.
A test that writes before asking for a world builds it the usual way, in its transaction,
and rolls it back: the cache is only ever used where it gives the same database.
Worlds must be made of database records only (no patch or setting survives a restore).

Tests use this module's `with_transaction`: trytond's runs a test again in a new transaction
when it must lock a table first (SQLite locks at the start), and each attempt must start
from the clean database, as a rollback alone gave before."""
import functools
import sqlite3

from trytond import backend
from trytond.cache import Cache
from trytond.model import Model
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME
from trytond.tests.test_tryton import with_transaction as trytond_with_transaction
from trytond.transaction import Transaction


def _enabled():
    return DB_NAME == ':memory:' and backend.name == 'sqlite'


def _describe(value):
    "The value with each record replaced by its model and id, to read it again later."
    if isinstance(value, Model) and getattr(value, 'id', None) is not None:
        return ('__record__', value.__name__, value.id)
    if isinstance(value, dict):
        return {k: _describe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_describe(v) for v in value)
    return value


def _rebuild(value):
    "The described value with each record read in the current transaction."
    if isinstance(value, tuple) and len(value) == 3 and value[0] == '__record__':
        return Pool().get(value[1])(value[2])
    if isinstance(value, dict):
        return {k: _rebuild(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_rebuild(v) for v in value)
    return value


def _copy(source, target):
    # Never while the target is in a transaction: SQLite would wait for it forever.
    assert not target.in_transaction
    source.backup(target)


class WorldCache:
    "Mixed into a ModuleTestCase: its make_* methods decorated with cached_world share builds."

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Per class: each class has its own modules, so its own database.
        cls._world_snapshots = {}
        cls._world_clean = None

    def setUp(self):
        super().setUp()
        self._world_chain = []
        self._world_depth = 0
        self._world_touched = False

    def tearDown(self):
        if self._world_touched:
            with Transaction().start(DB_NAME, 0) as transaction:
                self._world_reset(transaction)
        super().tearDown()

    def _world_reset(self, transaction):
        "The database as before any world, in `transaction`, which has written nothing."
        if self._world_touched:
            _copy(type(self)._world_clean, transaction.connection)
            Cache.drop(DB_NAME)
            self._world_touched = False
        self._world_chain = []


def with_transaction(user=1, context=None):
    "trytond's with_transaction, each attempt of the test starting from the clean database."
    def decorator(func):
        @functools.wraps(func)
        def attempt(self, *args, **kwargs):
            if isinstance(self, WorldCache):
                self._world_reset(Transaction())
            return func(self, *args, **kwargs)
        return trytond_with_transaction(user=user, context=context)(attempt)
    return decorator


def cached_world(method):
    "A make_* method of a WorldCache test: built once, restored afterwards (see above)."
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self._world_depth or not _enabled():
            return _build(self, method, args, kwargs)
        transaction = Transaction()
        connection = transaction.connection
        if connection.in_transaction or self._world_chain is None:
            # Something was written since the last world: build it the usual way.
            self._world_chain = None
            return _build(self, method, args, kwargs)
        cls = type(self)
        key = tuple(self._world_chain) + (method.__name__,)
        self._world_chain.append(method.__name__)
        self._world_touched = True
        snapshot = cls._world_snapshots.get(key)
        if snapshot is not None:
            database, described = snapshot
            _copy(database, connection)
            Cache.drop(DB_NAME)
            return _rebuild(described)
        if cls._world_clean is None:
            clean = sqlite3.connect(':memory:')
            _copy(connection, clean)
            cls._world_clean = clean
        world = _build(self, method, args, kwargs)
        transaction.commit()
        database = sqlite3.connect(':memory:')
        _copy(connection, database)
        cls._world_snapshots[key] = (database, _describe(world))
        return world
    return wrapper


def _build(test, method, args, kwargs):
    test._world_depth += 1
    try:
        return method(test, *args, **kwargs)
    finally:
        test._world_depth -= 1
