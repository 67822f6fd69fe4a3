"""Changing a customer's sign-in e-mail, confirmed from the new address (issue 14).

The customer asks with their password (checked as a sign-in, so guessing it is throttled) and
the new address. Nothing changes on the web user yet: the old address keeps signing in. A
pending change is kept with a hash of a random token, valid `[session] web_timeout_reset`
(24 h by default, as a password reset), and two e-mails are sent when the transaction commits:
the link to the new address (Tryton's `[web] email_validation_url`, the page that validates
e-mails already) and a notice to the old one. Opening the link (`validate_email`, the same
method as Tryton's own validation) writes the new address on the web user, validated, and tells
the old address it was changed. A newer request replaces a pending one.

Whether the new address already belongs to another web user is not said when asking (that
would tell who has an account): the confirmation refuses it (`email_taken`).
"""
import datetime
import hashlib
import re
import secrets
from email.message import EmailMessage
from urllib.parse import urlencode

from trytond.config import config
from trytond.exceptions import RateLimitException
from trytond.model import ModelSQL, fields
from trytond.pool import Pool, PoolMeta
from trytond.rpc import RPC
from trytond.sendmail import sendmail_transactional
from trytond.transaction import Transaction

from .links import to_fragment
from .portal import as_root, check_gateway, session_web_user, without_tryton_sleep

EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
MAX_EMAIL = 200
# How long the link of the new address works unless `[session] web_timeout_reset` says.
DEFAULT_VALIDITY = 24 * 60 * 60

TEXTS = {
    'en': {
        'confirm_subject': 'Confirm your new sign-in e-mail',
        'confirm_body': (
            'You asked to sign in to the customer portal with this address.\n'
            'Open this link to confirm it (valid until {expires} UTC):\n\n{url}\n\n'
            'Until then, your current address keeps working. If you did not ask, ignore '
            'this message.'),
        'notice_subject': 'Change of your sign-in e-mail requested',
        'notice_body': (
            'A change of your customer portal sign-in e-mail to {email} was requested.\n'
            'This address keeps working until the new one is confirmed. If it was not you, '
            'change your password now.'),
        'done_subject': 'Your sign-in e-mail was changed',
        'done_body': (
            'You now sign in to the customer portal with {email}; this address no longer '
            'works for signing in. If it was not you, contact us at once.'),
        },
    'fr': {
        'confirm_subject': 'Confirmez votre nouvelle adresse de connexion',
        'confirm_body': (
            'Vous avez demandé à vous connecter à l’espace client avec cette adresse.\n'
            'Ouvrez ce lien pour la confirmer (valable jusqu’au {expires} UTC) :\n\n{url}\n\n'
            'D’ici là, votre adresse actuelle continue de fonctionner. Si vous n’avez rien '
            'demandé, ignorez ce message.'),
        'notice_subject': 'Changement de votre adresse de connexion demandé',
        'notice_body': (
            'Un changement de votre adresse de connexion à l’espace client vers {email} a été '
            'demandé.\nCette adresse fonctionne jusqu’à la confirmation de la nouvelle. Si ce '
            'n’est pas vous, changez votre mot de passe dès maintenant.'),
        'done_subject': 'Votre adresse de connexion a été changée',
        'done_body': (
            'Vous vous connectez désormais à l’espace client avec {email} ; cette adresse ne '
            'permet plus de vous connecter. Si ce n’est pas vous, contactez-nous sans tarder.'),
        },
    }


def hash_token(token):
    return hashlib.sha256(token.encode('utf-8')).hexdigest()


def validity():
    return datetime.timedelta(seconds=config.getint(
            'session', 'web_timeout_reset', default=DEFAULT_VALIDITY))


def texts(user):
    "The e-mails' texts in the customer's language (French or English)."
    party = user.party
    code = party.lang.code.split('_')[0] if party and party.lang else 'en'
    return TEXTS.get(code, TEXTS['en'])


def send(to, subject, body):
    "An e-mail sent when the transaction commits (never if it rolls back)."
    from_ = config.get('email', 'from')
    if not from_ or not to:
        return
    message = EmailMessage()
    message['From'] = from_
    message['To'] = to
    message['Subject'] = subject
    message.set_content(body + '\n')
    sendmail_transactional(from_, [to], message)


def confirmation_url(token):
    "The validation page with the token in the fragment, out of access logs (links.py)."
    url = config.get('web', 'email_validation_url') or ''
    separator = '&' if '?' in url else '?'
    return to_fragment('%s%s%s' % (url, separator, urlencode({'token': token})))


class EmailChange(ModelSQL):
    "Portal Sign-in E-mail Change"
    __name__ = 'portal.email_change'

    web_user = fields.Many2One(
        'web.user', "Web User", required=True, ondelete='CASCADE')
    email = fields.Char("New E-mail", required=True)
    # Only a hash: the token itself is in the e-mail to the new address.
    token_hash = fields.Char("Token Hash", required=True)
    expires = fields.DateTime("Expires", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__ = {}


class PortalGateway(metaclass=PoolMeta):
    __name__ = 'portal.gateway'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__.update({
                'request_email_change': RPC(readonly=False, check_access=False),
                })

    @classmethod
    def validate_email(cls, token):
        "Tryton's own validation token, else the token of a sign-in e-mail change."
        result = super().validate_email(token)
        if result.get('status') == 'ok' or not isinstance(token, str) or not token:
            return result
        return cls.confirm_email_change(token) or result

    @classmethod
    def request_email_change(cls, session, password, email):
        """Asks to sign in with `email` from now on: confirmed from that address.

        Answers `unauthenticated`, `throttled`, `invalid_credentials` (the password),
        `invalid_input` (field `email`: `EMAIL_INVALID`, `EMAIL_UNCHANGED`) or `ok` with the
        pending address and when its link expires."""
        check_gateway()
        pool = Pool()
        WebUser = pool.get('web.user')
        Change = pool.get('portal.email_change')
        user = session_web_user(session)
        if user is None:
            return {'status': 'unauthenticated'}
        if not isinstance(password, str) or not isinstance(email, str):
            return {'status': 'invalid_credentials'}
        email = email.strip().lower()
        if len(email) > MAX_EMAIL or not EMAIL.match(email):
            return {'status': 'invalid_input', 'errors': [{
                        'field': 'email', 'code': 'EMAIL_INVALID',
                        'message': 'Not an e-mail address.'}]}
        if email == user.email:
            return {'status': 'invalid_input', 'errors': [{
                        'field': 'email', 'code': 'EMAIL_UNCHANGED',
                        'message': 'This is already your sign-in e-mail.'}]}
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            try:
                with without_tryton_sleep():
                    checked = WebUser.authenticate(user.email, password)
            except RateLimitException:
                return {
                    'status': 'throttled',
                    'retry_after': config.getint('session', 'timeout', default=300),
                    }
            if not checked or checked.id != user.id:
                return {'status': 'invalid_credentials'}
            WebUser.lock([user])
            Change.delete(Change.search([('web_user', '=', user.id)]))
            token = secrets.token_hex(32)
            expires = datetime.datetime.now() + validity()
            Change.create([{
                        'web_user': user.id, 'email': email,
                        'token_hash': hash_token(token), 'expires': expires}])
            words = texts(user)
            stamp = expires.strftime('%Y-%m-%d %H:%M')
            send(email, words['confirm_subject'], words['confirm_body'].format(
                    expires=stamp, url=confirmation_url(token)))
            send(user.email, words['notice_subject'],
                words['notice_body'].format(email=email))
            return {'status': 'ok', 'email': email, 'expires': expires}

    @classmethod
    def confirm_email_change(cls, token):
        """The change whose link holds `token`, applied: the web user signs in with the new
        address, validated; the old address is told. None when no live change has the token
        (then it may be one of Tryton's own validation tokens)."""
        pool = Pool()
        WebUser = pool.get('web.user')
        Change = pool.get('portal.email_change')
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            changes = Change.search([('token_hash', '=', hash_token(token))], limit=1)
            if not changes:
                return None
            change, = changes
            user = change.web_user
            if change.expires < datetime.datetime.now() or not user.active:
                Change.delete([change])
                return {'status': 'invalid_token'}
            if WebUser.search([
                        ('email', '=', change.email),
                        ('id', '!=', user.id),
                        ], limit=1):
                Change.delete([change])
                return {'status': 'email_taken'}
            old, new = user.email, change.email
            WebUser.write([user], {'email': new, 'email_valid': True, 'email_token': None})
            Change.delete([change])
            words = texts(user)
            send(old, words['done_subject'], words['done_body'].format(email=new))
            return {'status': 'ok', 'web_user': user.id, 'email_changed': True}
