"""Tests of the sign-in e-mail change (email_change.py), mixed into PortalApiTestCase, whose
world (make_world, login, as_gateway) they build on."""
import datetime
import re
from unittest.mock import patch

from trytond.pool import Pool
from .world_cache import with_transaction

PASSWORD = 'Portail-Test-2026!'
SENDMAIL = 'trytond.modules.portal_api.email_change.sendmail_transactional'


def token_of(message):
    "The token of the link in the confirmation e-mail (in the URL's fragment)."
    return re.search(r'#token=([0-9a-f]+)', message.get_content()).group(1)


class EmailChangeCases:
    "The sign-in e-mail change: asked with the password, confirmed from the new address."

    def ask(self, world, password, email, session=None):
        Gateway = Pool().get('portal.gateway')
        session = session or self.login(world)['session']
        with self.as_gateway(world):
            return Gateway.request_email_change(session, password, email)

    def confirm(self, world, token):
        Gateway = Pool().get('portal.gateway')
        with self.as_gateway(world):
            return Gateway.validate_email(token)

    @with_transaction()
    def test_email_change(self):
        "The old address signs in until the new one is confirmed, and is told both times"
        WebUser = Pool().get('web.user')
        world = self.make_world()
        with patch(SENDMAIL) as sendmail:
            result = self.ask(world, PASSWORD, ' Alice.New@Example.com ')
        self.assertEqual(result['status'], 'ok')
        self.assertEqual(result['email'], 'alice.new@example.com')
        self.assertGreater(result['expires'], datetime.datetime.now())
        (_, to_new, confirm), _ = sendmail.call_args_list[0]
        (_, to_old, notice), _ = sendmail.call_args_list[1]
        self.assertEqual((to_new, to_old), (['alice.new@example.com'], ['alice@example.com']))
        self.assertIn('alice.new@example.com', notice.get_content())
        token = token_of(confirm)
        # Nothing changed yet: the old address signs in, the new one does not.
        self.assertEqual(WebUser(world['alice_user'].id).email, 'alice@example.com')
        self.assertEqual(self.login(world)['status'], 'ok')
        self.assertEqual(
            self.login(world, email='alice.new@example.com')['status'], 'invalid_credentials')
        with patch(SENDMAIL) as sendmail:
            self.assertEqual(self.confirm(world, token), {
                    'status': 'ok', 'web_user': world['alice_user'].id,
                    'email_changed': True})
        (_, to, done), _ = sendmail.call_args
        self.assertEqual(to, ['alice@example.com'])
        self.assertIn('alice.new@example.com', done.get_content())
        user = WebUser(world['alice_user'].id)
        self.assertEqual((user.email, user.email_valid), ('alice.new@example.com', True))
        self.assertEqual(
            self.login(world, email='alice.new@example.com')['status'], 'ok')
        self.assertEqual(self.login(world)['status'], 'invalid_credentials')
        # The link works once.
        self.assertEqual(self.confirm(world, token), {'status': 'invalid_token'})

    @with_transaction()
    def test_email_change_refusals(self):
        "Wrong password, bad or same address, expired link, an address taken meanwhile"
        pool = Pool()
        WebUser = pool.get('web.user')
        Change = pool.get('portal.email_change')
        world = self.make_world()
        with patch(SENDMAIL) as sendmail:
            self.assertEqual(
                self.ask(world, 'wrong-password', 'new@example.com'),
                {'status': 'invalid_credentials'})
            for email, code in [
                    ('not-an-address', 'EMAIL_INVALID'),
                    ('ALICE@example.com', 'EMAIL_UNCHANGED')]:
                result = self.ask(world, PASSWORD, email)
                self.assertEqual(result['status'], 'invalid_input')
                self.assertEqual(result['errors'][0]['code'], code)
            self.assertEqual(
                self.ask(world, PASSWORD, 'x@example.com', session='f' * 64),
                {'status': 'unauthenticated'})
            sendmail.assert_not_called()
            self.assertEqual(Change.search([]), [])
            # Asking for Bob's address is not refused (that would say he has an account)...
            self.assertEqual(self.ask(world, PASSWORD, 'bob@example.com')['status'], 'ok')
            taken = token_of(sendmail.call_args_list[0][0][2])
            # ...and a newer request replaces a pending one.
            self.assertEqual(self.ask(world, PASSWORD, 'late@example.com')['status'], 'ok')
            late = token_of(sendmail.call_args_list[2][0][2])
        self.assertEqual(self.confirm(world, taken), {'status': 'invalid_token'})
        change, = Change.search([])
        Change.write([change], {
                'expires': datetime.datetime.now() - datetime.timedelta(minutes=1)})
        self.assertEqual(self.confirm(world, late), {'status': 'invalid_token'})
        with patch(SENDMAIL) as sendmail:
            self.ask(world, PASSWORD, 'bob@example.com')
            taken = token_of(sendmail.call_args_list[0][0][2])
        self.assertEqual(self.confirm(world, taken), {'status': 'email_taken'})
        self.assertEqual(WebUser(world['alice_user'].id).email, 'alice@example.com')
        self.assertEqual(WebUser(world['bob_user'].id).email, 'bob@example.com')
