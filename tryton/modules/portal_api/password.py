"""The portal's own password rules.

Tryton dropped its entropy check in 6.4 and keeps only a length and an optional file of
forbidden passwords, so the rules a customer's password must meet live here, the same on every
series: a minimum length, not the e-mail address (nor its name part), not one of the most
common passwords (also with digits or symbols around it, "Password123!"), and not a run of a
few repeated characters.
"""
import os
import re

from trytond.i18n import gettext
from trytond.res.user import PasswordError

MIN_LENGTH = 10
MIN_DISTINCT = 5
_COMMON_FILE = os.path.join(os.path.dirname(__file__), 'common_passwords.txt')
_common = None


def common_passwords():
    global _common
    if _common is None:
        with open(_COMMON_FILE, encoding='utf-8') as f:
            _common = frozenset(
                line.strip().lower() for line in f
                if line.strip() and not line.startswith('#'))
    return _common


def _core(password):
    "The password without the digits and symbols around it, lower-cased."
    return re.sub(r'^[\W\d_]+|[\W\d_]+$', '', password.lower())


def check_password(password, email=None):
    "Raise PasswordError with a message for people when the password breaks a rule."
    if len(password) < MIN_LENGTH:
        raise PasswordError(gettext(
                'portal_api.msg_password_too_short', length=MIN_LENGTH))
    if len(set(password)) < MIN_DISTINCT:
        raise PasswordError(gettext('portal_api.msg_password_common'))
    lowered = password.lower()
    if email:
        email = email.strip().lower()
        name = email.split('@', 1)[0]
        if email in lowered or (len(name) >= 4 and name in lowered):
            raise PasswordError(gettext('portal_api.msg_password_email'))
    common = common_passwords()
    if lowered in common or _core(password) in common:
        raise PasswordError(gettext('portal_api.msg_password_common'))
