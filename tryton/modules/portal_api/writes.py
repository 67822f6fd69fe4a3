"""Customer writes through the portal gateway (issue 14): the pattern every write follows.

The gateway's technical user may write nothing directly (portal.xml). Each write is a method
of `portal.gateway` whose body is `run_write(operation, key, payload, act)`, in the one
transaction of the RPC call:

1. the customer is the web user of the session key or API token in the context, the same
   credential that scopes the customer's reads (rule.py);
2. the web user's row is locked, so two submissions of one customer run one after the other
   (PostgreSQL), on whichever gateway replica; SQLite has no row lock: when two calls of one
   key both wrote, the second fails on the key's unique constraint and is run again by
   trytond's dispatcher (a retried operational error), which then answers the first's result;
3. an idempotency key already used by this web user answers from what it stored: the same
   result when the input is the same, `idempotency_key_reused` when it is not; nothing is
   written again;
4. `act` finds the record among the customer's own (else `not_found`, the same answer as a
   record that does not exist), compares the version the customer was shown (the record's
   write date, `conflict` when it moved), checks the action is allowed in the record's state
   (`invalid_state`), and writes as root for the record's company, as the company's staff
   would with the Tryton client;
5. before all that, the credential must have the operation's scope (roles.py): a member's
   role, or an API token's scopes, narrowed by its creator's role now; `forbidden` otherwise;
6. a success is stored under the key with a hash of its input; when a concurrent call with
   the same key stored it first, this call is rolled back and run again by Tryton, and
   answers from the key (`store_key`).

Expected failures are values with a `status` and nothing written, never raised. An error
Tryton raises while writing (a validation) rolls the whole call back, the key included.
"""
import datetime
import hashlib
import json
from contextlib import contextmanager

from trytond import backend
from trytond.model import ModelSQL, Unique, fields
from trytond.model.modelsql import SQLConstraintError
from trytond.pool import Pool
from trytond.transaction import Transaction

from .portal import (
    as_root, check_gateway, context_credential, web_user_parties)
from .roles import operation_allowed

# Keys are the client's (a UUID is 36 characters); anything longer is refused, not cut.
MAX_KEY_LENGTH = 100


def canonical(value):
    "One text per input, whatever the order of its keys: what the input hash is made of."
    return json.dumps(value, sort_keys=True, separators=(',', ':'), default=str)


def input_hash(operation, payload):
    return hashlib.sha256(
        canonical({'operation': operation, 'input': payload}).encode('utf-8')).hexdigest()


@contextmanager
def as_company(company):
    "Root, for `company`: how the company's staff would write it in the Tryton client."
    user_ctx, access_ctx = as_root()
    with user_ctx, access_ctx, Transaction().set_context(company=company.id):
        yield


def field_error(field, code, message):
    return {'field': field, 'code': code, 'message': message}


def invalid(*errors):
    return {'status': 'invalid_input', 'errors': list(errors)}


def same_version(record, version):
    """Whether `record` is still as the customer was shown it: its write date (its creation
    date before its first write), exactly, as the gateway read it."""
    current = record.write_date or record.create_date
    return isinstance(version, datetime.datetime) and current == version


def run_write(operation, key, payload, act):
    """Runs one customer write, at most once per idempotency key (see the module's doc).

    `payload`: the whole input of the write (JSON-like), hashed to recognise a repeated key.
    `act(user, parties)`: the write; returns a result with a `status`; `ok` is stored."""
    check_gateway()
    pool = Pool()
    WebUser = pool.get('web.user')
    Idempotency = pool.get('portal.idempotency')
    user, scopes = context_credential(Transaction().context)
    if user is None:
        return {'status': 'unauthenticated'}
    if not operation_allowed(operation, scopes):
        return {'status': 'forbidden'}
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY_LENGTH:
        return invalid(field_error(
                'idempotencyKey', 'INVALID_IDEMPOTENCY_KEY',
                'The idempotency key must have 1 to %s characters.' % MAX_KEY_LENGTH))
    digest = input_hash(operation, payload)
    user_ctx, access_ctx = as_root()
    with user_ctx, access_ctx:
        WebUser.lock([user])
        done = Idempotency.search([
                ('web_user', '=', user.id),
                ('key', '=', key),
                ], limit=1)
        if done:
            if done[0].input_hash != digest:
                return {'status': 'idempotency_key_reused'}
            return dict(json.loads(done[0].result), replayed=True)
        result = act(user, web_user_parties(user))
        if result.get('status') == 'ok':
            store_key(user, key, operation, digest, result)
        return dict(result, replayed=False)


def store_key(user, key, operation, digest, result):
    """Stores a success under its key. Another call with the same key may have committed
    since this one looked (SQLite has no row lock, so the web user's lock does not hold
    there; on PostgreSQL the lock makes the later call fail to serialise instead): the
    unique constraint refuses the second row. That is a concurrent update, not a user error:
    raised as one, Tryton's dispatcher rolls this call back, the record's write included,
    and runs it again, and the run again answers from the stored key."""
    Idempotency = Pool().get('portal.idempotency')
    try:
        Idempotency.create([{
                    'web_user': user.id,
                    'key': key,
                    'operation': operation,
                    'input_hash': digest,
                    'result': json.dumps(result),
                    }])
    except SQLConstraintError as error:
        raise backend.DatabaseOperationalError(
            'idempotency key stored by a concurrent call') from error


class Idempotency(ModelSQL):
    "Portal Idempotency Key"
    __name__ = 'portal.idempotency'

    web_user = fields.Many2One(
        'web.user', "Web User", required=True, ondelete='CASCADE')
    key = fields.Char("Key", required=True)
    operation = fields.Char("Operation", required=True)
    # SHA-256 of the operation and its whole input: the same key with another input is refused.
    input_hash = fields.Char("Input Hash", required=True)
    # The answer given, as JSON, given again for the same key and input.
    result = fields.Text("Result", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        table = cls.__table__()
        # The last line of defence: two writes that slipped past the lock cannot both store.
        cls._sql_constraints += [
            ('web_user_key_unique', Unique(table, table.web_user, table.key),
                'portal_api.msg_idempotency_key_unique'),
            ]
        cls.__rpc__ = {}
