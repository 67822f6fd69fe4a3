"""Company accounts: several members per customer, each with a role (issue 16).

A member is a web user whose party is the customer's party; its role is `portal_role`
(roles.py says what each may do). A web user created before the roles, or by the staff in
Tryton, is its customer's administrator.

An administrator invites a person by e-mail with a role: a web user of the customer's party
(and secondary parties) without a password, and an e-mail with a link carrying a token of
Tryton's password reset (`set_reset_password_token`: the same `[session] web_timeout_reset`
expiry, single use, cleared when it is used). Accepting sets the password through the same
checks as a reset (`reset_password`) and validates the e-mail: the person proved they read it.
Inviting a pending address again sends a new link (the old one stops working) with the new
role.

The web user names who invited it (`portal_invited_by`), the last administrator who changed
its role (`portal_role_changed_by`) and who removed it (`portal_removed_by`): the member of the
acting credential, never a value of the client (authors.py); the staff read them on the web
user's form.

Removing a member archives its web user (the answers and notes that name it stay), clears its
password and reset token, and deletes its sessions and API tokens in the same transaction:
every credential of it stops working in Tryton at once. The last administrator who has
accepted cannot be removed or demoted (`last_administrator`). The members of the customer are
locked first, so two administrators removing each other at once run one after the other.

Every write runs through `writes.run_write` (scope `members:manage`, idempotency keys, refusals
as values). A member of another customer is `not_found`, as a member that does not exist.
"""
import datetime
import re
from urllib.parse import urlencode

from trytond.config import config
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.rpc import RPC
from trytond.transaction import Transaction

from .authors import AuthorsNotCopied, author_field
from .email_change import send
from .links import to_fragment
from .portal import (
    as_root, check_gateway, context_credential, end_credentials, same_secret)
from .roles import ADMINISTRATOR, MEMBERS_MANAGE, ROLES, role_of
from .writes import field_error, invalid, run_write

EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
MAX_EMAIL = 200
# Members (with pending invitations) per customer, unless `[portal_api] max_members` says:
# each invitation is an e-mail sent on the customer's word.
MAX_MEMBERS = 50
ROLE_NAMES = [r for r, _ in ROLES]

TEXTS = {
    'en': {
        'subject': 'You are invited to the customer portal of {company}',
        'body': (
            '{inviter} invites you to the customer portal of {company} for {customer}, '
            'as {role}.\n'
            'Open this link to choose your password (valid until {expires} UTC):\n\n{url}\n\n'
            'If you do not expect this invitation, ignore this message.'),
        'roles': {
            'administrator': 'administrator', 'buyer': 'buyer',
            'accountant': 'accountant', 'viewer': 'viewer'},
        },
    'fr': {
        'subject': 'Invitation à l’espace client de {company}',
        'body': (
            '{inviter} vous invite à l’espace client de {company} pour {customer}, '
            'en tant que {role}.\n'
            'Ouvrez ce lien pour choisir votre mot de passe (valable jusqu’au {expires} '
            'UTC) :\n\n{url}\n\n'
            'Si vous n’attendiez pas cette invitation, ignorez ce message.'),
        'roles': {
            'administrator': 'administrateur', 'buyer': 'acheteur',
            'accountant': 'comptable', 'viewer': 'lecteur'},
        },
    }


def max_members():
    return config.getint('portal_api', 'max_members', default=MAX_MEMBERS)


def invitation_url(user):
    """The invitation page with the e-mail and token in the fragment, out of access logs.
    `[portal_api] invitation_url`, else Tryton's `[web] reset_password_url` (whose page sets
    a password with the same token)."""
    url = (config.get('portal_api', 'invitation_url')
        or config.get('web', 'reset_password_url') or '')
    separator = '&' if '?' in url else '?'
    return to_fragment('%s%s%s' % (url, separator, urlencode({
                    'token': user.reset_password_token, 'email': user.email})))


def send_invitation(invitee, inviter):
    party = invitee.party
    code = party.lang.code.split('_')[0] if party and party.lang else 'en'
    words = TEXTS.get(code, TEXTS['en'])
    Company = Pool().get('company.company')
    companies = Company.search([], limit=1)
    company = companies[0].rec_name if companies else ''
    stamp = invitee.reset_password_token_expire.strftime('%Y-%m-%d %H:%M')
    send(invitee.email, words['subject'].format(company=company), words['body'].format(
            inviter=inviter.email, company=company,
            customer=party.rec_name if party else '',
            role=words['roles'][role_of(invitee)], expires=stamp,
            url=invitation_url(invitee)))


def state_of(user):
    "active (has a password), invited (link still valid) or expired (link no longer valid)."
    if user.password_hash:
        return 'active'
    expire = user.reset_password_token_expire
    if user.reset_password_token and expire and expire > datetime.datetime.now():
        return 'invited'
    return 'expired'


def email_of(user):
    return user.email if user else None


def describe_member(user):
    "A member for its administrators: no secret, JSON-safe (stored with idempotency keys)."
    expire = user.reset_password_token_expire
    state = state_of(user)
    return {
        'id': user.id,
        'email': user.email,
        'role': role_of(user),
        'state': state,
        'invited_by': email_of(user.portal_invited_by),
        'role_changed_by': email_of(user.portal_role_changed_by),
        'invitation_expires': (expire.isoformat()
            if state != 'active' and expire else None),
        'created': user.create_date.isoformat() if user.create_date else None,
        }


def party_members(party):
    "The active web users of `party` (call as root), locked, oldest first."
    WebUser = Pool().get('web.user')
    members = WebUser.search(
        [('party', '=', party.id)], order=[('id', 'ASC')])
    WebUser.lock(members)
    return members


def find_member(member_id, members):
    if not isinstance(member_id, int) or isinstance(member_id, bool):
        return None
    for member in members:
        if member.id == member_id:
            return member
    return None


def last_administrator(member, members):
    "Whether `member` is the only active administrator who can sign in."
    if role_of(member) != ADMINISTRATOR or not member.password_hash:
        return False
    return not any(m for m in members
        if m.id != member.id and role_of(m) == ADMINISTRATOR and m.password_hash)


def clean_email(email):
    if not isinstance(email, str):
        return None
    email = email.strip().lower()
    if len(email) > MAX_EMAIL or not EMAIL.match(email):
        return None
    return email


def role_error(role):
    if role in ROLE_NAMES:
        return None
    return field_error(
        'role', 'ROLE_UNKNOWN', 'A role is one of: %s.' % ', '.join(ROLE_NAMES))


class WebUser(AuthorsNotCopied, metaclass=PoolMeta):
    __name__ = 'web.user'
    _portal_authors = ('portal_invited_by', 'portal_role_changed_by', 'portal_removed_by')

    portal_role = fields.Selection(
        ROLES, "Portal Role", required=True,
        help="What this member of the customer may do on the portal.")
    portal_invited_by = author_field("Invited By")
    portal_role_changed_by = author_field("Role Changed By")
    portal_removed_by = author_field("Removed By")

    @classmethod
    def __register__(cls, module_name):
        super().__register__(module_name)
        # The web users from before the roles were each their customer's only account: they
        # become its administrators.
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.update(
                [table.portal_role], [ADMINISTRATOR],
                where=table.portal_role == None))  # noqa: E711

    @classmethod
    def default_portal_role(cls):
        return ADMINISTRATOR


class PortalGateway(metaclass=PoolMeta):
    "Members of a customer, managed by its administrators."
    __name__ = 'portal.gateway'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        write = RPC(readonly=False, check_access=False)
        cls.__rpc__.update({
                'list_members': RPC(readonly=True, check_access=False),
                'invite_member': write,
                'change_member_role': write,
                'remove_member': write,
                'accept_invitation': write,
                })

    @classmethod
    def list_members(cls):
        """The members of the credential's customer (its party), with pending and expired
        invitations: `{"status": "ok", "members": [...]}`, or `unauthenticated`,
        `forbidden` (not an administrator)."""
        check_gateway()
        user, scopes = context_credential(Transaction().context)
        if user is None:
            return {'status': 'unauthenticated'}
        if MEMBERS_MANAGE not in scopes:
            return {'status': 'forbidden'}
        WebUser = Pool().get('web.user')
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            if user.party is None:
                return {'status': 'ok', 'members': []}
            members = WebUser.search(
                [('party', '=', user.party.id)], order=[('id', 'ASC')])
            return {'status': 'ok', 'members': [describe_member(m) for m in members]}

    @classmethod
    def invite_member(cls, key, email, role):
        """Invites `email` as a member with `role`: a web user without a password and an
        e-mail with the link to choose one. Answers `{"status": "ok", "member": {...}}`,
        `invalid_input` (email: EMAIL_INVALID, ALREADY_MEMBER, EMAIL_UNAVAILABLE; role:
        ROLE_UNKNOWN), `too_many_members`."""
        clean = clean_email(email)
        errors = []
        if clean is None:
            errors.append(field_error('email', 'EMAIL_INVALID', 'Not an e-mail address.'))
        if role_error(role):
            errors.append(role_error(role))
        if errors:
            return invalid(*errors)
        payload = {'email': clean, 'role': role}

        def act(user, parties):
            WebUser = Pool().get('web.user')
            party = user.party
            if party is None:
                return {'status': 'not_found'}
            members = party_members(party)
            existing = WebUser.search([('email', '=', clean)], limit=1)
            if existing:
                invitee, = existing
                if invitee.party != party:
                    # Someone else's account: the address cannot be a second web user.
                    return invalid(field_error(
                            'email', 'EMAIL_UNAVAILABLE',
                            'This address cannot be invited.'))
                if invitee.password_hash:
                    return invalid(field_error(
                            'email', 'ALREADY_MEMBER', 'This person is already a member.'))
                invitee.portal_role = role
                invitee.portal_invited_by = user
            else:
                if len(members) >= max_members():
                    return {'status': 'too_many_members', 'limit': max_members()}
                invitee = WebUser(
                    email=clean, party=party, portal_role=role,
                    portal_invited_by=user,
                    secondary_parties=list(user.secondary_parties))
            invitee.set_reset_password_token()
            invitee.save()
            send_invitation(invitee, user)
            return {'status': 'ok', 'member': describe_member(invitee)}
        return run_write('invite_member', key, payload, act)

    @classmethod
    def change_member_role(cls, member_id, role, key):
        """Gives a member of the customer another role, naming the administrator who did it;
        `last_administrator` when it would leave the customer without an administrator who
        can sign in."""
        if role_error(role):
            return invalid(role_error(role))
        payload = {'member': member_id, 'role': role}

        def act(user, parties):
            WebUser = Pool().get('web.user')
            if user.party is None:
                return {'status': 'not_found'}
            members = party_members(user.party)
            member = find_member(member_id, members)
            if member is None:
                return {'status': 'not_found'}
            if role != ADMINISTRATOR and last_administrator(member, members):
                return {'status': 'last_administrator', 'member': member.id}
            WebUser.write([member], {
                    'portal_role': role,
                    'portal_role_changed_by': user.id,
                    })
            return {'status': 'ok', 'member': describe_member(WebUser(member.id))}
        return run_write('change_member_role', key, payload, act)

    @classmethod
    def remove_member(cls, member_id, key):
        """Removes a member of the customer (or withdraws an invitation): its web user is
        archived without password, naming the administrator who removed it, and its sessions
        and API tokens are deleted, at once.
        `last_administrator` for the last administrator who can sign in."""
        payload = {'member': member_id}

        def act(user, parties):
            WebUser = Pool().get('web.user')
            if user.party is None:
                return {'status': 'not_found'}
            members = party_members(user.party)
            member = find_member(member_id, members)
            if member is None:
                return {'status': 'not_found'}
            if last_administrator(member, members):
                return {'status': 'last_administrator', 'member': member.id}
            ended = end_credentials(member, revoke_tokens=True)
            WebUser.write([member], {
                    'active': False,
                    'password_hash': None,
                    'reset_password_token': None,
                    'reset_password_token_expire': None,
                    'portal_removed_by': user.id,
                    })
            return {'status': 'ok', 'member': member.id,
                'sessions_ended': ended['sessions_ended'],
                'tokens_revoked': ended['tokens_revoked']}
        return run_write('remove_member', key, payload, act)

    @classmethod
    def accept_invitation(cls, email, token, password):
        """Sets the password of an invited member with the invitation's token (the checks of
        `reset_password`), and validates its e-mail. `invalid_token` for anyone but a pending
        invitee with that token (a removed member's link no longer works),
        `invalid_password` with the reason."""
        check_gateway()
        WebUser = Pool().get('web.user')
        if not all(isinstance(v, str) and v for v in (email, token, password)):
            return {'status': 'invalid_token'}
        email = email.strip().lower()
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            users = WebUser.search([('email', '=', email)], limit=1)
            if (not users or users[0].password_hash
                    or not same_secret(token, users[0].reset_password_token)):
                return {'status': 'invalid_token'}
            user, = users
        result = cls.reset_password(email, token, password)
        if result.get('status') != 'ok':
            return result
        user_ctx, access_ctx = as_root()
        with user_ctx, access_ctx:
            WebUser.write([user], {'email_valid': True})
        return {'status': 'ok', 'web_user': user.id, 'email': email}
