"""RPC for the portal gateway's technical user.

Tryton exposes no RPC to authenticate its web users (`web.user`), so the gateway calls the
methods of `portal.gateway`. Expected failures (wrong password, bad token, throttling) are
returned as values, never raised: raising would roll the transaction back and erase the
failed attempt that Tryton's brute-force counter just recorded.

Differences between Tryton series are kept to `rule.py` (see there).
"""
import datetime
import hashlib
import hmac
import secrets
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

from trytond.config import config
from trytond.exceptions import RateLimitException
from trytond.i18n import gettext
from trytond.model import Model, ModelSQL, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.res.user import PasswordError
from trytond.rpc import RPC
from trytond.transaction import Transaction

from .password import check_password
from .roles import (
    effective_scopes, parse_scopes, role_of, role_scopes, sorted_scopes)

TOKEN_PREFIX = 'tpat_'
# Writing `last_used` on every request would turn each read into a write.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)
# Live API tokens per web user, unless trytond.conf says `[portal_api] max_api_tokens`: each
# token is a credential to revoke on a leak, and the gateway's quota is per customer anyway.
MAX_API_TOKENS = 20
_dummy_hash = None


def max_api_tokens():
    return config.getint('portal_api', 'max_api_tokens', default=MAX_API_TOKENS)


def dummy_password_check(password):
    """Verify the password against a hash of a random one, with web.user's own hasher.

    Tryton's authenticate skips the hash check when no web user has the e-mail, which made an
    unknown e-mail answer several times faster than a known one with a wrong password."""
    global _dummy_hash
    WebUser = Pool().get('web.user')
    if _dummy_hash is None:
        # Once per process: hashing costs as much as a check.
        _dummy_hash = WebUser.hash_password(secrets.token_urlsafe(24))
    WebUser.check_password(password, _dummy_hash)


@contextmanager
def without_tryton_sleep():
    """Drop the sleep Tryton schedules for the end of the transaction in the block.

    web.user's authenticate sleeps 2^failures - 1 s (and set_password_token a random part of
    it) after the call, holding a Tryton worker and one of the gateway replica's few Tryton
    slots, so each guess an anonymous caller is allowed turns into held capacity for every
    customer. The gateway is the brake instead: it limits failures per e-mail and per client
    network before it calls (docs/quotas.md), and it is the only caller of these methods.
    Tryton's counting of failures, and its lockout above `[session] max_attempt`, stay."""
    transaction = Transaction()
    before = len(transaction._atexit)
    try:
        yield
    finally:
        transaction._atexit[before:] = [
            entry for entry in transaction._atexit[before:]
            if entry[0] is not time.sleep]


def same_secret(given, expected):
    "Constant-time comparison of two strings; False when either is missing."
    if not isinstance(given, str) or not isinstance(expected, str) or not expected:
        return False
    return hmac.compare_digest(given.encode('utf-8'), expected.encode('utf-8'))


def end_credentials(user, keep_session=None, revoke_tokens=False):
    """End the web user's sessions but `keep_session`, and its API tokens when asked.

    A password change or reset must shut out whoever had the old password: their sessions (and
    tokens, when the customer says so) stop working in Tryton at once."""
    pool = Pool()
    Session = pool.get('web.user.session')
    ApiToken = pool.get('portal.api_token')
    domain = [('user', '=', user.id)]
    if keep_session:
        domain.append(('key', '!=', keep_session))
    sessions = Session.search(domain)
    Session.delete(sessions)
    tokens = ApiToken.search([('web_user', '=', user.id)])
    revoked = 0
    if revoke_tokens:
        ApiToken.delete(tokens)
        revoked, tokens = len(tokens), []
    return {
        'status': 'ok',
        'web_user': user.id,
        'sessions_ended': len(sessions),
        'tokens_revoked': revoked,
        'tokens_kept': len(tokens),
        }


def hash_token(token):
    return hashlib.sha256(token.encode('utf-8')).hexdigest()


def check_gateway():
    "Refuse anyone who is not a member of the Portal gateway group."
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    if Transaction().user == 0:
        return
    group_id = ModelData.get_id('portal_api', 'group_portal_gateway')
    if group_id not in User.get_groups():
        raise AccessError(gettext('portal_api.msg_gateway_only'))


def as_root():
    transaction = Transaction()
    return transaction.set_user(0), transaction.set_context(_check_access=False)


def session_web_user(key):
    "The active web user of a live session key, or None. Does not slide the expiry."
    if not key or not isinstance(key, str):
        return None
    Session = Pool().get('web.user.session')
    user_ctx, access_ctx = as_root()
    with user_ctx, access_ctx:
        sessions = Session.search([('key', '=', key)], limit=1)
        if not sessions or sessions[0].expired:
            return None
        user = sessions[0].user
        return user if user.active else None


def token_record(token):
    "The API token of a live credential `token` whose web user is active, or None."
    if not token or not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
        return None
    ApiToken = Pool().get('portal.api_token')
    user_ctx, access_ctx = as_root()
    with user_ctx, access_ctx:
        tokens = ApiToken.search([('token_hash', '=', hash_token(token))], limit=1)
        if not tokens or not tokens[0].web_user.active:
            return None
        return tokens[0]


def token_web_user(token):
    "The active web user of an API token, or None."
    record = token_record(token)
    return record.web_user if record else None


def context_credential(context):
    """The web user of the session key or API token in the context and what it may do now
    (roles.py): `(user, scopes)`, or `(None, frozenset())`."""
    session = context.get('portal_session')
    if session:
        user = session_web_user(session)
        if user is not None:
            user_ctx, access_ctx = as_root()
            with user_ctx, access_ctx:
                return user, effective_scopes(user)
        return None, frozenset()
    token = context.get('portal_token')
    if token:
        record = token_record(token)
        if record is not None:
            user_ctx, access_ctx = as_root()
            with user_ctx, access_ctx:
                return record.web_user, effective_scopes(
                    record.web_user, parse_scopes(record.scopes))
    return None, frozenset()


def web_user_parties(user):
    "The parties a web user acts for: its party and its secondary parties."
    if user is None or user.party is None:
        return []
    user_ctx, access_ctx = as_root()
    with user_ctx, access_ctx:
        return [user.party.id] + [p.id for p in user.secondary_parties]


def context_parties(context, scope=None):
    """The parties of the session key or API token that the gateway put in the context; none
    when `scope` is given and the credential lacks it (roles.py)."""
    user, scopes = context_credential(context)
    if user is None or (scope is not None and scope not in scopes):
        return []
    return web_user_parties(user)


def describe(user, scopes=None):
    "The web user for the gateway, with its role and what the credential may do (roles.py)."
    party = user.party
    language = None
    if party and party.lang:
        language = party.lang.code.split('_')[0]
    return {
        'id': user.id,
        'email': user.email,
        'email_valid': bool(user.email_valid),
        'party': party.id if party else None,
        'party_name': party.rec_name if party else None,
        'parties': web_user_parties(user),
        'language': language,
        'role': role_of(user),
        'scopes': sorted_scopes(role_scopes(user) if scopes is None else scopes),
        }


class ApiToken(ModelSQL):
    "Portal API Token"
    __name__ = 'portal.api_token'

    name = fields.Char("Name", required=True)
    web_user = fields.Many2One(
        'web.user', "Web User", required=True, ondelete='CASCADE')
    # Only a hash is stored: the token itself is shown once, when it is created.
    token_hash = fields.Char("Token Hash", required=True)
    last_used = fields.DateTime("Last Used")
    # Space-separated scopes chosen at creation (roles.py), never more than the creator's role
    # then; empty: whatever the creator's role allows, now.
    scopes = fields.Char("Scopes")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__ = {}

    def describe(self):
        return {
            'id': self.id,
            'name': self.name,
            'created': self.create_date,
            'last_used': self.last_used,
            'scopes': (sorted_scopes(parse_scopes(self.scopes))
                if self.scopes else None),
            }


class PortalGateway(Model):
    "Portal Gateway"
    __name__ = 'portal.gateway'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        write = RPC(readonly=False, check_access=False)
        read = RPC(readonly=True, check_access=False)
        cls.__rpc__ = {
            'login': write,
            'logout': write,
            'session_user': write,
            'request_password_reset': write,
            'reset_password': write,
            'validate_email': write,
            'change_password': write,
            'create_api_token': write,
            'list_api_tokens': read,
            'revoke_api_token': write,
            'token_user': write,
            'mail_settings': read,
            'user_groups': read,
            }

    @classmethod
    def mail_settings(cls):
        """What e-mails need, for portal-check: where they go and the links they carry.

        Only the SMTP host, never the user, password or the rest of the URI."""
        check_gateway()
        uri = config.get('email', 'uri', default='') or ''
        host = urlsplit(uri).hostname
        if uri.rstrip('/') in ('', 'smtp://localhost:25', 'smtp://localhost'):
            host = None
        return {
            'host': host,
            'from': config.get('email', 'from') or None,
            'reset_password_url': config.get('web', 'reset_password_url') or None,
            'email_validation_url': config.get('web', 'email_validation_url') or None,
            }

    @classmethod
    def user_groups(cls):
        """The caller's own groups with their XML ids (`module.fs_id`), for portal-check.

        Open to any user, since it tells only about the caller. Group names are translated
        and can be renamed, and 7.0 does not let a user call `ir.model.data.get_id`."""
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        user_id = Transaction().user
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            group_ids = [group.id for group in User(user_id).groups]
            data = ModelData.search([
                    ('model', '=', 'res.group'),
                    ('db_id', 'in', group_ids),
                    ])
            xml_ids = {d.db_id: '%s.%s' % (d.module, d.fs_id) for d in data}
        return [{'id': id_, 'xml_id': xml_ids.get(id_)} for id_ in group_ids]

    @classmethod
    def login(cls, email, password):
        check_gateway()
        WebUser = Pool().get('web.user')
        if not isinstance(email, str) or not isinstance(password, str):
            return {'status': 'invalid_credentials'}
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            # The same search as authenticate's: when it finds nobody, no hash is checked.
            found = WebUser.search([('email', '=', email.lower())], limit=1)
            known = bool(found)
            if found and not found[0].password_hash:
                # An invited member who has not chosen a password yet (members.py): Tryton's
                # authenticate fails on a web user without a hash. A failure like any other.
                Pool().get('web.user.authenticate.attempt').add(email.lower())
                dummy_password_check(password)
                return {'status': 'invalid_credentials'}
            try:
                with without_tryton_sleep():
                    user = WebUser.authenticate(email, password)
            except RateLimitException:
                return {
                    'status': 'throttled',
                    'retry_after': config.getint('session', 'timeout', default=300),
                    }
            if not known:
                dummy_password_check(password)
            if not user or not user.active:
                return {'status': 'invalid_credentials'}
            key = user.new_session()
            return {'status': 'ok', 'session': key, 'user': describe(user)}

    @classmethod
    def logout(cls, session):
        check_gateway()
        Session = Pool().get('web.user.session')
        if isinstance(session, str) and session:
            user_ctx, access_ctx = as_root()
            with user_ctx, access_ctx:
                Session.remove(session)
        return None

    @classmethod
    def session_user(cls, session):
        "The session's user, and slide the session's expiry."
        check_gateway()
        Session = Pool().get('web.user.session')
        user = session_web_user(session)
        if user is None:
            return None
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            Session.reset(session)
            return describe(user)

    @classmethod
    def request_password_reset(cls, email):
        "Send a reset link. The answer is the same whether the e-mail exists or not."
        check_gateway()
        WebUser = Pool().get('web.user')
        if not isinstance(email, str) or not email:
            return None
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            users = WebUser.search([('email', '=', email.strip().lower())], limit=1)
            if users:
                WebUser.reset_password(users)
        return None

    @classmethod
    def reset_password(cls, email, token, password, revoke_tokens=False):
        """Set the password with the e-mailed token, and end every session of the web user.

        The e-mail and token are checked here first: Tryton's set_password_token counts every
        wrong token as a failed login of that e-mail (locking the real customer out after a
        few anonymous calls) and sleeps up to 2^failures - 1 s, without a cap, while holding
        the gateway's slot. Only a right, unexpired token reaches it."""
        check_gateway()
        pool = Pool()
        WebUser = pool.get('web.user')
        User = pool.get('res.user')
        if not all(isinstance(v, str) and v for v in (email, token, password)):
            return {'status': 'invalid_token'}
        email = email.strip().lower()
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            users = WebUser.search([('email', '=', email)], limit=1)
            user = users[0] if users else None
            expected = user.reset_password_token if user else None
            expire = user.reset_password_token_expire if user else None
            if not (same_secret(token, expected)
                    and expire and expire > datetime.datetime.now()):
                return {'status': 'invalid_token'}
            try:
                User.validate_password(password, users)
                check_password(password, email)
            except PasswordError as error:
                return {'status': 'invalid_password', 'message': error.message}
            with without_tryton_sleep():
                done = WebUser.set_password_token(email, token, password)
            if not done:
                return {'status': 'invalid_token'}
            return end_credentials(user, revoke_tokens=bool(revoke_tokens))

    @classmethod
    def validate_email(cls, token):
        check_gateway()
        WebUser = Pool().get('web.user')
        if not isinstance(token, str) or not token:
            return {'status': 'invalid_token'}
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            if WebUser.validate_email_token([token]):
                return {'status': 'ok'}
            return {'status': 'invalid_token'}

    @classmethod
    def change_password(cls, session, current, new, revoke_tokens=False):
        """Change the password, and end every other session of the web user (the caller's
        stays), and its API tokens when `revoke_tokens`.

        No dummy hash check is needed here: the session's web user always exists, so
        authenticate always checks a hash."""
        check_gateway()
        pool = Pool()
        WebUser = pool.get('web.user')
        User = pool.get('res.user')
        user = session_web_user(session)
        if user is None:
            return {'status': 'unauthenticated'}
        if not isinstance(current, str) or not isinstance(new, str):
            return {'status': 'invalid_credentials'}
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            # Through authenticate, so that guessing the current password is throttled too.
            try:
                with without_tryton_sleep():
                    checked = WebUser.authenticate(user.email, current)
            except RateLimitException:
                return {
                    'status': 'throttled',
                    'retry_after': config.getint('session', 'timeout', default=300),
                    }
            if not checked or checked.id != user.id:
                return {'status': 'invalid_credentials'}
            try:
                User.validate_password(new, [user])
                check_password(new, user.email)
            except PasswordError as error:
                return {'status': 'invalid_password', 'message': error.message}
            WebUser.write([user], {'password': new})
            return end_credentials(
                user, keep_session=session, revoke_tokens=bool(revoke_tokens))

    @classmethod
    def create_api_token(cls, session, name, scopes=None):
        """A new API token of the session's web user. `scopes`: a list of the scopes it may
        use, at most the web user's role's (`invalid_scopes` otherwise); None: whatever the
        web user's role allows at each call."""
        check_gateway()
        pool = Pool()
        ApiToken = pool.get('portal.api_token')
        WebUser = pool.get('web.user')
        user = session_web_user(session)
        if user is None:
            return {'status': 'unauthenticated'}
        if not isinstance(name, str) or not name.strip():
            return {'status': 'invalid_name'}
        if scopes is not None:
            if (not isinstance(scopes, list) or not scopes
                    or not all(isinstance(s, str) for s in scopes)):
                return {'status': 'invalid_scopes'}
            if not set(scopes) <= role_scopes(user):
                return {'status': 'invalid_scopes'}
            scopes = ' '.join(sorted_scopes(set(scopes)))
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            # Two creations at once must not both pass the cap: they wait for each other on
            # the web user's row (PostgreSQL; SQLite writes one transaction at a time).
            WebUser.lock([user])
            limit = max_api_tokens()
            if ApiToken.search_count([('web_user', '=', user.id)]) >= limit:
                return {'status': 'too_many_tokens', 'limit': limit}
            record, = ApiToken.create([{
                        'name': name.strip()[:100],
                        'web_user': user.id,
                        'token_hash': hash_token(token),
                        'scopes': scopes,
                        }])
            return dict(record.describe(), status='ok', token=token)

    @classmethod
    def list_api_tokens(cls, session):
        check_gateway()
        ApiToken = Pool().get('portal.api_token')
        user = session_web_user(session)
        if user is None:
            return []
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            tokens = ApiToken.search(
                [('web_user', '=', user.id)], order=[('id', 'DESC')])
            return [t.describe() for t in tokens]

    @classmethod
    def revoke_api_token(cls, session, token_id):
        check_gateway()
        ApiToken = Pool().get('portal.api_token')
        user = session_web_user(session)
        if user is None or not isinstance(token_id, int):
            return False
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            tokens = ApiToken.search([
                    ('id', '=', token_id),
                    ('web_user', '=', user.id),
                    ])
            ApiToken.delete(tokens)
            return bool(tokens)

    @classmethod
    def token_user(cls, token):
        check_gateway()
        ApiToken = Pool().get('portal.api_token')
        user, scopes = context_credential({'portal_token': token})
        if user is None:
            return None
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            record, = ApiToken.search(
                [('token_hash', '=', hash_token(token))], limit=1)
            now = datetime.datetime.now()
            if not record.last_used or now - record.last_used > LAST_USED_RESOLUTION:
                ApiToken.write([record], {'last_used': now})
            return describe(user, scopes)
