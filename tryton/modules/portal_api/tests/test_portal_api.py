import unittest
from contextlib import contextmanager

from trytond.config import config
from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import create_company, set_company
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    ModuleTestCase, activate_module, with_transaction)
from trytond.tests.test_tryton import suite as test_suite
from trytond.transaction import Transaction

PASSWORD = 'Portail-Test-2026!'


class PortalApiTestCase(ModuleTestCase):
    "Test the portal_api module"
    module = 'portal_api'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        config.set('web', 'reset_password_url', 'http://portal.test/reset-password')
        config.set('web', 'email_validation_url', 'http://portal.test/validate-email')
        config.set('password', 'length', '8')
        config.set('password', 'entropy', '0.5')

    def make_world(self):
        "A company, two customers with web users and sales, the gateway user."
        pool = Pool()
        Party = pool.get('party.party')
        WebUser = pool.get('web.user')
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        Sale = pool.get('sale.sale')
        Attachment = pool.get('ir.attachment')

        company = create_company()
        with set_company(company):
            alice, bob, nobody = Party.create([
                    {'name': 'Alice', 'addresses': [('create', [{'city': 'Lyon'}])],
                        'contact_mechanisms': [('create', [
                                    {'type': 'email', 'value': 'alice@example.com'}])]},
                    {'name': 'Bob', 'addresses': [('create', [{'city': 'Nantes'}])],
                        'contact_mechanisms': [('create', [
                                    {'type': 'email', 'value': 'bob@example.com'}])]},
                    {'name': 'Nobody'},
                    ])
            alice_user, bob_user = WebUser.create([
                    {'email': 'Alice@Example.com', 'party': alice.id, 'password': PASSWORD},
                    {'email': 'bob@example.com', 'party': bob.id, 'password': PASSWORD},
                    ])
            sales = Sale.create([{
                        'party': party.id,
                        'company': company.id,
                        'currency': company.currency.id,
                        'invoice_address': party.addresses[0].id,
                        'shipment_address': party.addresses[0].id,
                        'reference': ref,
                        'lines': [('create', [
                                    {'type': 'comment', 'description': ref}])],
                        } for party, ref in [
                        (alice, 'A-draft'), (alice, 'A-quote'),
                        (bob, 'B-draft'), (bob, 'B-quote')]])
            Sale.write([s for s in sales if s.reference.endswith('quote')],
                {'state': 'quotation'})
            Attachment.create([
                    {'name': 'a.txt', 'resource': str(sales[1]), 'data': b'a'},
                    {'name': 'b.txt', 'resource': str(sales[3]), 'data': b'b'},
                    {'name': 'a-draft.txt', 'resource': str(sales[0]), 'data': b'a'},
                    {'name': 'a-party.txt', 'resource': str(alice), 'data': b'a'},
                    ])
            group = ModelData.get_id('portal_api', 'group_portal_gateway')
            gateway, other = User.create([{
                        'login': 'portal_gateway', 'name': 'Portal gateway',
                        'groups': [('add', [group])],
                        'companies': [('add', [company.id])], 'company': company.id,
                        }, {
                        'login': 'someone', 'name': 'Someone',
                        'companies': [('add', [company.id])], 'company': company.id,
                        }])
        return {
            'company': company, 'alice': alice, 'bob': bob, 'nobody': nobody,
            'alice_user': alice_user, 'bob_user': bob_user,
            'gateway': gateway, 'other': other, 'sales': sales,
            }

    @contextmanager
    def as_gateway(self, world, **context):
        "Act as the gateway's technical user over RPC: access checks and rules on."
        transaction = Transaction()
        with transaction.set_user(world['gateway'].id), \
                transaction.set_context(_check_access=True, **context):
            yield

    def login(self, world, email='alice@example.com', password=PASSWORD):
        Gateway = Pool().get('portal.gateway')
        with self.as_gateway(world):
            return Gateway.login(email, password)

    @with_transaction()
    def test_login_success(self):
        "Login returns a session key and the customer"
        world = self.make_world()
        result = self.login(world, email='ALICE@example.com')
        self.assertEqual(result['status'], 'ok')
        self.assertEqual(len(result['session']), 64)
        self.assertEqual(result['user']['email'], 'alice@example.com')
        self.assertEqual(result['user']['party'], world['alice'].id)
        self.assertEqual(result['user']['party_name'], 'Alice')
        self.assertEqual(result['user']['parties'], [world['alice'].id])

    @with_transaction()
    def test_login_failure_is_counted(self):
        "A failed login is a value, and Tryton's attempt counter records it"
        pool = Pool()
        Attempt = pool.get('web.user.authenticate.attempt')
        world = self.make_world()
        self.assertEqual(
            self.login(world, password='wrong-password'),
            {'status': 'invalid_credentials'})
        self.assertEqual(
            self.login(world, email='unknown@example.com'),
            {'status': 'invalid_credentials'})
        self.assertEqual(Attempt.count('alice@example.com'), 1)
        self.assertEqual(Attempt.count('unknown@example.com'), 1)

    @with_transaction()
    def test_login_throttled(self):
        "Past the maximum number of attempts, even the right password is throttled"
        world = self.make_world()
        config.set('session', 'max_attempt', '1')
        try:
            self.login(world, password='wrong-password')
            self.login(world, password='wrong-password')
            result = self.login(world)
        finally:
            config.remove_option('session', 'max_attempt')
        self.assertEqual(result['status'], 'throttled')
        self.assertGreater(result['retry_after'], 0)

    @with_transaction()
    def test_only_gateway_group(self):
        "A user outside the Portal gateway group cannot call the gateway RPC"
        pool = Pool()
        Gateway = pool.get('portal.gateway')
        world = self.make_world()
        transaction = Transaction()
        with transaction.set_user(world['other'].id), \
                transaction.set_context(_check_access=True):
            with self.assertRaises(AccessError):
                Gateway.login('alice@example.com', PASSWORD)
            with self.assertRaises(AccessError):
                Gateway.session_user('x' * 64)

    @with_transaction()
    def test_session_user_and_logout(self):
        "A live session gives its user; after logout it gives nothing"
        Gateway = Pool().get('portal.gateway')
        world = self.make_world()
        key = self.login(world)['session']
        with self.as_gateway(world):
            self.assertEqual(Gateway.session_user(key)['id'], world['alice_user'].id)
            self.assertIsNone(Gateway.session_user('f' * 64))
            self.assertIsNone(Gateway.session_user(None))
            Gateway.logout(key)
            self.assertIsNone(Gateway.session_user(key))

    @with_transaction()
    def test_password_reset(self):
        "Reset: same answer for unknown e-mails; the token sets a valid password once"
        pool = Pool()
        Gateway = pool.get('portal.gateway')
        WebUser = pool.get('web.user')
        world = self.make_world()
        with self.as_gateway(world):
            self.assertIsNone(Gateway.request_password_reset('unknown@example.com'))
            self.assertIsNone(Gateway.request_password_reset('alice@example.com'))
        user = WebUser(world['alice_user'].id)
        token = user.reset_password_token
        self.assertTrue(token)
        with self.as_gateway(world):
            self.assertEqual(
                Gateway.reset_password('alice@example.com', 'bad-token', 'N3w-Passw0rd!'),
                {'status': 'invalid_token'})
        # A wrong token clears the pending one (Tryton's own rule): ask again.
        user = WebUser(world['alice_user'].id)
        WebUser.write([user], {'reset_password_token_expire': None})
        with self.as_gateway(world):
            Gateway.request_password_reset('alice@example.com')
        token = WebUser(world['alice_user'].id).reset_password_token
        with self.as_gateway(world):
            weak = Gateway.reset_password('alice@example.com', token, 'aaaaaaaa')
            self.assertEqual(weak['status'], 'invalid_password')
            self.assertTrue(weak['message'])
            self.assertEqual(
                Gateway.reset_password('alice@example.com', token, 'N3w-Passw0rd!'),
                {'status': 'ok'})
        self.assertEqual(self.login(world)['status'], 'invalid_credentials')
        self.assertEqual(
            self.login(world, password='N3w-Passw0rd!')['status'], 'ok')

    @with_transaction()
    def test_validate_email(self):
        "The validation token validates the e-mail once"
        pool = Pool()
        Gateway = pool.get('portal.gateway')
        WebUser = pool.get('web.user')
        world = self.make_world()
        user = world['alice_user']
        user.set_email_token()
        user.save()
        token = user.email_token
        with self.as_gateway(world):
            self.assertEqual(Gateway.validate_email('nope'), {'status': 'invalid_token'})
            self.assertEqual(Gateway.validate_email(token), {'status': 'ok'})
            self.assertEqual(Gateway.validate_email(token), {'status': 'invalid_token'})
        self.assertTrue(WebUser(user.id).email_valid)

    @with_transaction()
    def test_change_password(self):
        "Changing the password needs the current one and a valid new one"
        Gateway = Pool().get('portal.gateway')
        world = self.make_world()
        key = self.login(world)['session']
        with self.as_gateway(world):
            self.assertEqual(
                Gateway.change_password('0' * 64, PASSWORD, 'N3w-Passw0rd!'),
                {'status': 'unauthenticated'})
            self.assertEqual(
                Gateway.change_password(key, 'wrong-one', 'N3w-Passw0rd!'),
                {'status': 'invalid_credentials'})
            self.assertEqual(
                Gateway.change_password(key, PASSWORD, 'alice@example.com')['status'],
                'invalid_password')
            self.assertEqual(
                Gateway.change_password(key, PASSWORD, 'N3w-Passw0rd!'),
                {'status': 'ok'})
        self.assertEqual(self.login(world, password='N3w-Passw0rd!')['status'], 'ok')

    @with_transaction()
    def test_api_tokens(self):
        "API tokens: shown once, stored hashed, listed, scoped, revoked"
        pool = Pool()
        Gateway = pool.get('portal.gateway')
        ApiToken = pool.get('portal.api_token')
        Sale = pool.get('sale.sale')
        world = self.make_world()
        alice_key = self.login(world)['session']
        bob_key = self.login(world, email='bob@example.com')['session']
        with self.as_gateway(world):
            created = Gateway.create_api_token(alice_key, 'ERP sync')
            token = created['token']
            self.assertTrue(token.startswith('tpat_'))
            self.assertEqual(Gateway.token_user(token)['id'], world['alice_user'].id)
            self.assertEqual(
                [t['name'] for t in Gateway.list_api_tokens(alice_key)], ['ERP sync'])
            self.assertEqual(Gateway.list_api_tokens(bob_key), [])
            self.assertIsNone(Gateway.token_user(token + 'x'))
        with self.as_gateway(world, portal_token=token):
            self.assertEqual(
                [s.reference for s in Sale.search([])], ['A-quote'])
        with self.as_gateway(world):
            self.assertFalse(Gateway.revoke_api_token(bob_key, created['id']))
            self.assertTrue(Gateway.revoke_api_token(alice_key, created['id']))
            self.assertIsNone(Gateway.token_user(token))
        self.assertNotIn(token, [t.token_hash for t in ApiToken.search([])])

    @with_transaction()
    def test_rules_scope_to_session(self):
        "Each session sees only its customer's non-draft records; others are refused"
        pool = Pool()
        Sale = pool.get('sale.sale')
        SaleLine = pool.get('sale.line')
        Party = pool.get('party.party')
        Address = pool.get('party.address')
        Contact = pool.get('party.contact_mechanism')
        Attachment = pool.get('ir.attachment')
        world = self.make_world()
        alice_key = self.login(world)['session']
        bob_key = self.login(world, email='bob@example.com')['session']
        bob_quote = [s for s in world['sales'] if s.reference == 'B-quote'][0]

        with self.as_gateway(world, portal_session=alice_key):
            self.assertEqual([s.reference for s in Sale.search([])], ['A-quote'])
            self.assertEqual(
                [line.description for line in SaleLine.search([])], ['A-quote'])
            self.assertEqual([p.name for p in Party.search([])], ['Alice'])
            self.assertEqual([a.city for a in Address.search([])], ['Lyon'])
            self.assertEqual(
                [c.value for c in Contact.search([])], ['alice@example.com'])
            self.assertEqual(
                sorted(a.name for a in Attachment.search([])),
                ['a-party.txt', 'a.txt'])
            with self.assertRaises(AccessError):
                Sale.read([bob_quote.id], ['reference'])
            with self.assertRaises(AccessError):
                Party.read([world['bob'].id], ['name'])

        with self.as_gateway(world, portal_session=bob_key):
            self.assertEqual([s.reference for s in Sale.search([])], ['B-quote'])
            self.assertEqual([p.name for p in Party.search([])], ['Bob'])

    @with_transaction()
    def test_no_session_no_records(self):
        "Without a session key, or with a forged one, the gateway sees no customer record"
        pool = Pool()
        world = self.make_world()
        models = [
            'sale.sale', 'sale.line', 'party.party', 'party.address',
            'party.contact_mechanism', 'ir.attachment', 'account.invoice',
            'account.invoice.line', 'account.invoice.tax', 'account.move',
            'account.move.line', 'stock.shipment.out',
            ]
        for context in [{}, {'portal_session': 'f' * 64}, {'portal_token': 'tpat_forged'}]:
            with self.as_gateway(world, **context):
                for name in models:
                    with self.subTest(model=name, context=context):
                        self.assertEqual(pool.get(name).search([]), [])


def suite():
    suite = test_suite()
    suite.addTests(unittest.TestLoader().loadTestsFromTestCase(PortalApiTestCase))
    return suite
