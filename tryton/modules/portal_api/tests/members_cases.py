"""Tests of company accounts (members.py, roles.py), mixed into PortalApiTestCase, whose worlds
(make_world, make_sales_world, login, as_gateway, customer_call) they build on."""
import datetime
import re
from unittest.mock import patch

from trytond.config import config
from trytond.pool import Pool
from trytond.transaction import Transaction
from .world_cache import with_transaction

PASSWORD = 'Portail-Test-2026!'
MEMBER_PASSWORD = PASSWORD
SENDMAIL = 'trytond.modules.portal_api.email_change.sendmail_transactional'


def link_of(message):
    "The token and e-mail of the invitation's link (in the URL's fragment)."
    content = message.get_content()
    match = re.search(r'(https?://\S+)#token=([0-9a-f]+)&email=(\S+)', content)
    return match.group(1), match.group(2), match.group(3).replace('%40', '@')


class MemberCases:
    "Members of a customer, invited and removed by its administrators; roles enforced."

    def invite(self, world, email, role, key=None, admin='alice@example.com'):
        "Invite as `admin`; the answer and the invitation e-mail (None when none was sent)."
        with patch(SENDMAIL) as sendmail:
            result = self.customer_call(
                world, 'invite_member', key or 'invite-' + email + role, email, role,
                email=admin)
        message = sendmail.call_args[0][2] if sendmail.call_args else None
        return result, message

    def accept(self, world, email, token, password=MEMBER_PASSWORD):
        Gateway = Pool().get('portal.gateway')
        with self.as_gateway(world):
            return Gateway.accept_invitation(email, token, password)

    def add_member(self, world, email, role, admin='alice@example.com'):
        "An invited member who accepted: its web user."
        WebUser = Pool().get('web.user')
        result, message = self.invite(world, email, role, admin=admin)
        self.assertEqual(result['status'], 'ok', result)
        _, token, _ = link_of(message)
        self.assertEqual(self.accept(world, email, token)['status'], 'ok')
        return WebUser(result['member']['id'])

    def members(self, world, email='alice@example.com', password=PASSWORD):
        Gateway = Pool().get('portal.gateway')
        key = self.login(world, email=email, password=password)['session']
        with self.as_gateway(world, portal_session=key):
            return Gateway.list_members()

    @with_transaction()
    def test_existing_web_users_are_administrators(self):
        "The migration makes every web user without a role its customer's administrator"
        WebUser = Pool().get('web.user')
        world = self.make_world()
        table = WebUser.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.update([table.portal_role], [None]))
        Transaction().counter += 1
        WebUser.__register__('portal_api')
        Transaction().counter += 1
        self.assertEqual(
            {u.portal_role for u in WebUser.search([])}, {'administrator'})
        result = self.login(world)
        self.assertEqual(result['user']['role'], 'administrator')
        self.assertIn('members:manage', result['user']['scopes'])

    @with_transaction()
    def test_invite_and_accept(self):
        "An invitation e-mails a single-use link with the reset's expiry; accepting signs in"
        pool = Pool()
        WebUser = pool.get('web.user')
        world = self.make_sales_world()
        before = datetime.datetime.now()
        result, message = self.invite(world, ' Carol@Example.com ', 'buyer', key='carol')
        self.assertEqual(result['status'], 'ok')
        member = result['member']
        self.assertEqual(
            (member['email'], member['role'], member['state'], member['invited_by']),
            ('carol@example.com', 'buyer', 'invited', 'alice@example.com'))
        self.assertEqual(message['To'], 'carol@example.com')
        self.assertIn('alice@example.com', message.get_content())
        url, token, email = link_of(message)
        self.assertEqual(email, 'carol@example.com')
        self.assertEqual(url, 'http://portal.test/reset-password')
        carol = WebUser(member['id'])
        # The reset machinery's token and expiry.
        self.assertEqual(carol.reset_password_token, token)
        validity = datetime.timedelta(seconds=config.getint(
                'session', 'web_timeout_reset', default=24 * 60 * 60))
        self.assertAlmostEqual(
            carol.reset_password_token_expire.timestamp(),
            (before + validity).timestamp(), delta=60)
        self.assertEqual(
            (carol.party, carol.password_hash, carol.email_valid),
            (world['alice'], None, False))
        # No password yet: nobody signs in as Carol.
        self.assertEqual(
            self.login(world, email='carol@example.com', password='')['status'],
            'invalid_credentials')
        self.assertEqual(
            self.accept(world, 'carol@example.com', 'f' * 64)['status'], 'invalid_token')
        self.assertEqual(
            self.accept(world, 'carol@example.com', token, 'short')['status'],
            'invalid_password')
        self.assertEqual(self.accept(world, 'carol@example.com', token), {
                'status': 'ok', 'web_user': carol.id, 'email': 'carol@example.com'})
        # Single use.
        self.assertEqual(
            self.accept(world, 'carol@example.com', token, 'Autre-Passe-2026!')['status'],
            'invalid_token')
        carol = WebUser(carol.id)
        self.assertTrue(carol.email_valid)
        logged = self.login(world, email='carol@example.com', password=MEMBER_PASSWORD)
        self.assertEqual(logged['status'], 'ok')
        self.assertEqual(logged['user']['role'], 'buyer')
        self.assertEqual(logged['user']['scopes'], ['orders:read', 'orders:write'])
        self.assertEqual(logged['user']['parties'], [world['alice'].id])
        # The same idempotency key answers again without a second e-mail or web user.
        again, message = self.invite(world, 'carol@example.com', 'buyer', key='carol')
        self.assertTrue(again['replayed'])
        self.assertIsNone(message)
        # A member who accepted cannot be invited again.
        result, message = self.invite(world, 'carol@example.com', 'viewer', key='other')
        self.assertEqual(result['errors'][0]['code'], 'ALREADY_MEMBER')
        self.assertIsNone(message)

    @with_transaction()
    def test_invite_again_and_refusals(self):
        "A pending invitation is sent again with a new link; bad input is refused"
        WebUser = Pool().get('web.user')
        world = self.make_world()
        _, first = self.invite(world, 'dan@example.com', 'viewer')
        result, second = self.invite(world, 'dan@example.com', 'accountant')
        self.assertEqual(result['member']['role'], 'accountant')
        self.assertEqual(len(WebUser.search([('email', '=', 'dan@example.com')])), 1)
        old, new = link_of(first)[1], link_of(second)[1]
        self.assertNotEqual(old, new)
        self.assertEqual(
            self.accept(world, 'dan@example.com', old)['status'], 'invalid_token')
        for email, role, field, code in [
                ('not-an-email', 'buyer', 'email', 'EMAIL_INVALID'),
                ('erin@example.com', 'owner', 'role', 'ROLE_UNKNOWN'),
                # Another customer's web user.
                ('bob@example.com', 'buyer', 'email', 'EMAIL_UNAVAILABLE'),
                ('alice@example.com', 'buyer', 'email', 'ALREADY_MEMBER'),
                ]:
            result, message = self.invite(world, email, role)
            self.assertEqual(result['status'], 'invalid_input', email)
            self.assertEqual(
                (result['errors'][0]['field'], result['errors'][0]['code']),
                (field, code))
            self.assertIsNone(message)
        self.assertEqual(WebUser(world['bob_user'].id).party, world['bob'])

    @with_transaction()
    def test_list_members(self):
        "Administrators list their customer's members and invitations; others may not"
        world = self.make_world()
        self.add_member(world, 'carol@example.com', 'buyer')
        self.invite(world, 'dan@example.com', 'viewer')
        listed = self.members(world)
        self.assertEqual(listed['status'], 'ok')
        self.assertEqual(
            [(m['email'], m['role'], m['state']) for m in listed['members']], [
                ('alice@example.com', 'administrator', 'active'),
                ('carol@example.com', 'buyer', 'active'),
                ('dan@example.com', 'viewer', 'invited'),
                ])
        self.assertIsNone(listed['members'][0]['invitation_expires'])
        self.assertTrue(listed['members'][2]['invitation_expires'])
        self.assertEqual(
            self.members(world, 'carol@example.com', MEMBER_PASSWORD),
            {'status': 'forbidden'})
        self.assertEqual(
            [m['email'] for m in self.members(world, 'bob@example.com')['members']],
            ['bob@example.com'])

    @with_transaction()
    def test_change_role_and_last_administrator(self):
        "Roles change; the last administrator who can sign in is never demoted nor removed"
        WebUser = Pool().get('web.user')
        world = self.make_world()
        alice = world['alice_user']
        self.assertEqual(
            self.customer_call(world, 'change_member_role', alice.id, 'buyer', 'd-1'),
            {'status': 'last_administrator', 'member': alice.id, 'replayed': False})
        self.assertEqual(
            self.customer_call(world, 'remove_member', alice.id, 'r-1')['status'],
            'last_administrator')
        # A pending administrator does not count: it cannot sign in yet.
        self.invite(world, 'pending@example.com', 'administrator')
        self.assertEqual(
            self.customer_call(world, 'change_member_role', alice.id, 'buyer', 'd-2')[
                'status'], 'last_administrator')
        dave = self.add_member(world, 'dave@example.com', 'administrator')
        result = self.customer_call(world, 'change_member_role', alice.id, 'viewer', 'd-3')
        self.assertEqual(result['status'], 'ok')
        self.assertEqual(WebUser(alice.id).portal_role, 'viewer')
        # Alice is a viewer now: no longer allowed to manage members.
        self.assertEqual(
            self.customer_call(world, 'remove_member', dave.id, 'r-2')['status'],
            'forbidden')
        self.assertEqual(
            self.customer_call(
                world, 'remove_member', dave.id, 'r-3', email='dave@example.com')['status'],
            'last_administrator')
        self.assertTrue(WebUser(dave.id).active)
        self.assertEqual(self.customer_call(
                world, 'change_member_role', 12345, 'buyer', 'd-4',
                email='dave@example.com')['status'], 'not_found')
        self.assertEqual(self.customer_call(
                world, 'change_member_role', alice.id, 'boss', 'd-5',
                email='dave@example.com')['errors'][0]['code'], 'ROLE_UNKNOWN')

    @with_transaction()
    def test_remove_member_ends_credentials(self):
        "Removing a member archives it and ends its sessions and API tokens at once"
        pool = Pool()
        Gateway = pool.get('portal.gateway')
        WebUser = pool.get('web.user')
        ApiToken = pool.get('portal.api_token')
        world = self.make_world()
        carol = self.add_member(world, 'carol@example.com', 'viewer')
        session = self.login(world, email='carol@example.com', password=MEMBER_PASSWORD)[
            'session']
        other = self.login(world, email='carol@example.com', password=MEMBER_PASSWORD)[
            'session']
        with self.as_gateway(world):
            token = Gateway.create_api_token(session, 'carol sync')['token']
        result = self.customer_call(world, 'remove_member', carol.id, 'rm-1')
        self.assertEqual(result, {
                'status': 'ok', 'member': carol.id, 'sessions_ended': 2,
                'tokens_revoked': 1, 'replayed': False})
        with self.as_gateway(world):
            self.assertIsNone(Gateway.session_user(session))
            self.assertIsNone(Gateway.session_user(other))
            self.assertIsNone(Gateway.token_user(token))
        self.assertEqual(ApiToken.search([('web_user', '=', carol.id)]), [])
        removed = WebUser(carol.id)
        self.assertEqual((removed.active, removed.password_hash), (False, None))
        self.assertEqual(
            self.login(world, email='carol@example.com', password=MEMBER_PASSWORD)['status'],
            'invalid_credentials')
        self.assertEqual(
            [m['email'] for m in self.members(world)['members']], ['alice@example.com'])
        # The same key answers again; the address may be invited anew.
        self.assertTrue(
            self.customer_call(world, 'remove_member', carol.id, 'rm-1')['replayed'])
        self.assertEqual(
            self.customer_call(world, 'remove_member', carol.id, 'rm-2')['status'],
            'not_found')
        result, message = self.invite(world, 'carol@example.com', 'viewer', key='re')
        self.assertEqual(result['status'], 'ok')
        self.assertNotEqual(result['member']['id'], carol.id)

    @with_transaction()
    def test_other_customer_members_not_found(self):
        "A member of customer B can neither change nor remove customer A's members"
        WebUser = Pool().get('web.user')
        world = self.make_world()
        carol = self.add_member(world, 'carol@example.com', 'buyer')
        pending, _ = self.invite(world, 'dan@example.com', 'viewer')
        dan = pending['member']['id']
        bob = 'bob@example.com'
        for member in [carol.id, dan, world['alice_user'].id]:
            self.assertEqual(self.customer_call(
                    world, 'change_member_role', member, 'administrator', 'b-%s' % member,
                    email=bob)['status'], 'not_found')
            self.assertEqual(self.customer_call(
                    world, 'remove_member', member, 'br-%s' % member, email=bob)['status'],
                'not_found')
        # Bob's invitation of Alice's member is refused, not moved to Bob.
        result, message = self.invite(world, 'carol@example.com', 'administrator', admin=bob)
        self.assertEqual(result['errors'][0]['code'], 'EMAIL_UNAVAILABLE')
        self.assertIsNone(message)
        # Proven by reading Tryton: nothing changed.
        for user_id, role in [(carol.id, 'buyer'), (dan, 'viewer'),
                (world['alice_user'].id, 'administrator')]:
            user = WebUser(user_id)
            self.assertEqual(
                (user.active, user.portal_role, user.party), (True, role, world['alice']))
        # And B's invitation lands in B's own account.
        result, _ = self.invite(world, 'erin@example.com', 'viewer', admin=bob)
        self.assertEqual(WebUser(result['member']['id']).party, world['bob'])

    @with_transaction()
    def test_roles_in_writes(self):
        "Each role writes what it may, and the member who wrote is recorded"
        pool = Pool()
        Sale = pool.get('sale.sale')
        Address = pool.get('party.address')
        world = self.make_sales_world()
        self.add_member(world, 'buyer@example.com', 'buyer')
        self.add_member(world, 'accountant@example.com', 'accountant')
        self.add_member(world, 'viewer@example.com', 'viewer')
        sale = world['sales_by_ref']['A-offer']
        address = world['alice'].addresses[0]
        values = {'name': 'Carol Buyer', 'terms': True}

        def call(email, method, *args):
            key = self.login(world, email=email, password=MEMBER_PASSWORD)['session']
            with self.as_gateway(world, portal_session=key):
                return getattr(Pool().get('portal.gateway'), method)(*args)

        new_address = {'street': '1 rue Neuve', 'city': 'Lyon', 'country': 'FR'}
        for email in ['accountant@example.com', 'viewer@example.com']:
            self.assertEqual(call(
                    email, 'accept_quotation', sale.id, self.version(sale), 'a-' + email,
                    values), {'status': 'forbidden'})
            self.assertEqual(
                call(email, 'reorder', sale.id, 'ro-' + email), {'status': 'forbidden'})
        for email in ['buyer@example.com', 'accountant@example.com', 'viewer@example.com']:
            self.assertEqual(call(
                    email, 'update_address', address.id, address.write_date
                    or address.create_date, 'u-' + email, new_address),
                {'status': 'forbidden'})
            self.assertEqual(call(email, 'invite_member', 'i-' + email, 'x@example.com',
                    'viewer'), {'status': 'forbidden'})
        for email in ['buyer@example.com', 'viewer@example.com']:
            self.assertEqual(call(
                    email, 'pay_invoice', world['docs']['A-posted'].id, '1', 'p-' + email),
                {'status': 'forbidden'})
        self.assertEqual(Sale(sale.id).state, 'quotation')
        self.assertEqual(Address(address.id).street, address.street)
        self.assertEqual(
            self.members(world)['members'][-1]['email'], 'viewer@example.com')
        # The buyer accepts: the answer names the buyer, not the customer's administrator.
        with patch('trytond.modules.portal_api.sale.sendmail_transactional'):
            result = call('buyer@example.com', 'accept_quotation', sale.id,
                self.version(sale), 'a-buyer', values)
        self.assertEqual(result['status'], 'ok')
        answer, = self.answers(sale)
        self.assertEqual(answer.web_user.email, 'buyer@example.com')
        self.assertIn('buyer@example.com', answer.describe())
        # The accountant reaches the payment (no Stripe here: unavailable, not forbidden).
        self.assertEqual(call(
                'accountant@example.com', 'pay_invoice', world['docs']['A-posted'].id,
                '1', 'p-acc')['status'], 'unavailable')

    @with_transaction()
    def test_roles_in_record_rules(self):
        "A role reads only its models, through Tryton's record rules"
        pool = Pool()
        world = self.make_world()
        self.make_documents(world)
        expected = {
            'administrator': {'sale.sale', 'account.invoice', 'ir.attachment'},
            'buyer': {'sale.sale'},
            'accountant': {'account.invoice', 'ir.attachment'},
            'viewer': {'sale.sale', 'account.invoice', 'ir.attachment'},
            }
        for role in ['buyer', 'accountant', 'viewer']:
            self.add_member(world, role + '@example.com', role)
        for role, models in expected.items():
            email = 'alice@example.com' if role == 'administrator' else (
                role + '@example.com')
            password = PASSWORD if role == 'administrator' else MEMBER_PASSWORD
            key = self.login(world, email=email, password=password)['session']
            with self.as_gateway(world, portal_session=key):
                for model in ['sale.sale', 'sale.line', 'stock.shipment.out',
                        'account.invoice', 'account.move.line', 'ir.attachment']:
                    family = {'sale.line': 'sale.sale', 'stock.shipment.out': 'sale.sale',
                        'account.move.line': 'account.invoice'}.get(model, model)
                    found = bool(pool.get(model).search([]))
                    self.assertEqual(found, family in models, (role, model))
                # Every member reads its customer's own details.
                self.assertEqual(
                    [p.name for p in pool.get('party.party').search([])], ['Alice'])
                self.assertTrue(pool.get('party.address').search([]))

    @with_transaction()
    def test_token_scopes_follow_creator(self):
        "A token has its creator's role or fewer scopes, and never more than the creator now"
        pool = Pool()
        Gateway = pool.get('portal.gateway')
        Sale = pool.get('sale.sale')
        Invoice = pool.get('account.invoice')
        world = self.make_world()
        self.make_documents(world)
        alice_key = self.login(world)['session']
        with self.as_gateway(world):
            full = Gateway.create_api_token(alice_key, 'full')
            narrow = Gateway.create_api_token(alice_key, 'orders', ['orders:read'])
            self.assertEqual(narrow['scopes'], ['orders:read'])
            self.assertIsNone(full['scopes'])
            self.assertEqual(
                Gateway.create_api_token(alice_key, 'bad', ['root'])['status'],
                'invalid_scopes')
            self.assertEqual(
                Gateway.token_user(narrow['token'])['scopes'], ['orders:read'])
        with self.as_gateway(world, portal_token=narrow['token']):
            self.assertTrue(Sale.search([]))
            self.assertEqual(Invoice.search([]), [])
        with self.as_gateway(world, portal_token=narrow['token']):
            self.assertEqual(
                Gateway.invite_member('t-1', 'x@example.com', 'viewer'),
                {'status': 'forbidden'})
        # Alice's token of everything follows her when an administrator demotes her.
        self.add_member(world, 'dave@example.com', 'administrator')
        self.customer_call(
            world, 'change_member_role', world['alice_user'].id, 'accountant', 'dm',
            email='dave@example.com')
        with self.as_gateway(world):
            self.assertEqual(Gateway.token_user(full['token'])['scopes'],
                ['invoices:read', 'invoices:pay', 'documents:read'])
            self.assertEqual(Gateway.token_user(narrow['token'])['scopes'], [])
        with self.as_gateway(world, portal_token=full['token']):
            self.assertEqual(Sale.search([]), [])
            self.assertTrue(Invoice.search([]))
        with self.as_gateway(world, portal_token=narrow['token']):
            self.assertEqual(Sale.search([]), [])
        # A buyer cannot create a token with an accountant's scope.
        self.add_member(world, 'carol@example.com', 'buyer', admin='dave@example.com')
        carol_key = self.login(
            world, email='carol@example.com', password=MEMBER_PASSWORD)['session']
        with self.as_gateway(world):
            self.assertEqual(Gateway.create_api_token(
                    carol_key, 'pay', ['invoices:pay'])['status'], 'invalid_scopes')

    @with_transaction()
    def test_author_of_party_writes(self):
        "A change of the customer's details leaves a note naming the member who made it"
        Note = Pool().get('ir.note')
        world = self.make_world()
        self.add_member(world, 'dave@example.com', 'administrator')
        result = self.customer_call(
            world, 'create_contact', 'c-1',
            {'type': 'phone', 'value': '+33 4 78 00 00 00', 'name': 'Dave'},
            email='dave@example.com')
        self.assertEqual(result['status'], 'ok')
        messages = [n.message for n in Note.search(
                [('resource', '=', str(world['alice']))])]
        self.assertEqual(messages, [
                'Contact %s added on the portal by dave@example.com.' % result['contact']])
