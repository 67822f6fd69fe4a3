"""Tests of who did it (authors.py): the member of the credential on each record written,
mixed into PortalApiTestCase with WriteCases, PartyWriteCases and MemberCases, whose helpers
(customer_call, add_member, make_party_world) they use."""
from unittest.mock import patch

from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from .party_cases import ADDRESS
from .world_cache import with_transaction

SENDMAIL = 'trytond.modules.portal_api.sale.sendmail_transactional'


class AuthorCases:
    "The member behind each write, set by the module, read by the customer's members only."

    def read_as(self, world, email, model, ids, names):
        "`model`'s `names` of `ids`, as the gateway reads them for `email`'s session."
        key = self.login(world, email=email)['session']
        with self.as_gateway(world, portal_session=key):
            return {r['id']: r for r in Pool().get(model).read(ids, names)}

    @with_transaction()
    def test_authors_of_sale_writes(self):
        "A sale names who requested, accepted or declined it; the customer's members see it"
        Sale = Pool().get('sale.sale')
        world = self.make_sales_world()
        buyer = self.add_member(world, 'buyer@example.com', 'buyer')
        sales = world['sales_by_ref']
        offer, late, order = sales['A-offer'], sales['A-late'], sales['A-order']
        with patch(SENDMAIL):
            accepted = self.customer_call(
                world, 'accept_quotation', offer.id, self.version(offer), 'k-a',
                {'name': 'Carol Buyer', 'terms': True}, email='buyer@example.com')
            declined = self.customer_call(
                world, 'decline_quotation', late.id, self.version(late), 'k-d', {})
            requested = self.customer_call(
                world, 'reorder', order.id, 'k-r', email='buyer@example.com')
        self.assertEqual(
            [r['status'] for r in (accepted, declined, requested)], ['ok', 'ok', 'ok'])
        alice = world['alice_user']
        new = Sale(requested['sale'])
        self.assertEqual(
            (Sale(offer.id).portal_accepted_by, Sale(offer.id).portal_declined_by,
                Sale(late.id).portal_declined_by, new.portal_requested_by),
            (buyer, None, alice, buyer))
        # Any member of the customer reads the authors' e-mails through the gateway.
        names = ['portal_requested_by_email', 'portal_accepted_by_email',
            'portal_declined_by_email']
        seen = self.read_as(
            world, 'buyer@example.com', 'sale.sale', [offer.id, late.id, new.id], names)
        self.assertEqual(
            [seen[i][n] for i, n in [
                    (offer.id, 'portal_accepted_by_email'),
                    (late.id, 'portal_declined_by_email'),
                    (new.id, 'portal_requested_by_email'),
                    (offer.id, 'portal_declined_by_email')]],
            ['buyer@example.com', 'alice@example.com', 'buyer@example.com', None])
        # Another customer reads none of them.
        with self.assertRaises(AccessError):
            self.read_as(world, 'bob@example.com', 'sale.sale', [offer.id], names)
        # A copy made by the staff has no portal author.
        copy, = Sale.copy([Sale(offer.id)])
        self.assertEqual(
            (copy.portal_accepted_by, copy.portal_requested_by), (None, None))

    @with_transaction()
    def test_authors_of_address_and_contact_writes(self):
        "An address or contact names the last member who changed it"
        pool = Pool()
        Address = pool.get('party.address')
        ContactMechanism = pool.get('party.contact_mechanism')
        world = self.make_party_world()
        dave = self.add_member(world, 'dave@example.com', 'administrator')
        created = self.customer_call(world, 'create_address', 'k-1', ADDRESS)
        self.assertEqual(created['status'], 'ok')
        address = Address(created['address'])
        self.assertEqual(address.portal_changed_by, world['alice_user'])
        changed = self.customer_call(
            world, 'update_address', address.id,
            address.write_date or address.create_date, 'k-2',
            dict(ADDRESS, street='5 rue Neuve'), email='dave@example.com')
        self.assertEqual(changed['status'], 'ok')
        self.assertEqual(Address(changed['address']).portal_changed_by, dave)
        contact = self.customer_call(
            world, 'create_contact', 'k-3', {'type': 'phone', 'value': '+33 4 78 00 00 01'},
            email='dave@example.com')
        self.assertEqual(contact['status'], 'ok')
        self.assertEqual(ContactMechanism(contact['contact']).portal_changed_by, dave)
        seen = self.read_as(
            world, 'alice@example.com', 'party.address', [changed['address']],
            ['portal_changed_by_email'])
        self.assertEqual(seen[changed['address']]['portal_changed_by_email'], 'dave@example.com')
        seen = self.read_as(
            world, 'alice@example.com', 'party.contact_mechanism', [contact['contact']],
            ['portal_changed_by_email'])
        self.assertEqual(seen[contact['contact']]['portal_changed_by_email'], 'dave@example.com')
        # A write refused changes no author.
        refused = self.customer_call(
            world, 'update_address', address.id, None, 'k-4', ADDRESS, email='bob@example.com')
        self.assertEqual(refused['status'], 'not_found')
        self.assertEqual(Address(changed['address']).portal_changed_by, dave)
        # Copies made by the staff have no portal author.
        address_copy, = Address.copy([Address(changed['address'])])
        contact_copy, = ContactMechanism.copy([ContactMechanism(contact['contact'])])
        self.assertEqual(
            (address_copy.portal_changed_by, contact_copy.portal_changed_by), (None, None))

    @with_transaction()
    def test_author_of_complaint(self):
        "A complaint names the member who filed it, for the customer's members only"
        world = self.make_complaint_world()
        self.add_member(world, 'buyer@example.com', 'buyer')
        order = world['sales_by_ref']['A-order']
        with patch(SENDMAIL):
            result = self.file(world, order, 'k-c', {
                    'type': world['types']['late'].id,
                    'description': 'Late.',
                    }, email='buyer@example.com')
        self.assertEqual(result['status'], 'ok', result)
        complaint_id, = result['complaints']
        seen = self.read_as(
            world, 'alice@example.com', 'sale.complaint', [complaint_id],
            ['portal_web_user_email'])
        self.assertEqual(seen[complaint_id]['portal_web_user_email'], 'buyer@example.com')
        with self.assertRaises(AccessError):
            self.read_as(
                world, 'bob@example.com', 'sale.complaint', [complaint_id],
                ['portal_web_user_email'])

    @with_transaction()
    def test_authors_of_role_change_and_removal(self):
        "A member names the administrator who changed its role, and the one who removed it"
        WebUser = Pool().get('web.user')
        world = self.make_world()
        dave = self.add_member(world, 'dave@example.com', 'administrator')
        carol = self.add_member(world, 'carol@example.com', 'buyer')

        def listed(email='alice@example.com'):
            return {m['email']: m for m in self.members(world, email)['members']}

        self.assertIsNone(listed()['carol@example.com']['role_changed_by'])
        changed = self.customer_call(
            world, 'change_member_role', carol.id, 'viewer', 'rc-1', email='dave@example.com')
        self.assertEqual(changed['status'], 'ok')
        self.assertEqual(changed['member']['role_changed_by'], 'dave@example.com')
        self.assertEqual(WebUser(carol.id).portal_role_changed_by, dave)
        self.assertEqual(listed()['carol@example.com']['role_changed_by'], 'dave@example.com')
        # Refused changes name nobody: a role unknown, another customer's administrator.
        self.assertEqual(self.customer_call(
                world, 'change_member_role', carol.id, 'boss', 'rc-2')['status'],
            'invalid_input')
        for method, args in [('change_member_role', (carol.id, 'administrator', 'b-1')),
                ('remove_member', (carol.id, 'b-2'))]:
            self.assertEqual(
                self.customer_call(world, method, *args, email='bob@example.com')['status'],
                'not_found')
        carol = WebUser(carol.id)
        self.assertEqual(
            (carol.portal_role, carol.portal_role_changed_by, carol.portal_removed_by),
            ('viewer', dave, None))
        self.assertNotIn(
            'dave@example.com', str(self.members(world, 'bob@example.com')['members']))
        # Alice removes Carol: the archived web user keeps who removed it, for the staff.
        removed = self.customer_call(world, 'remove_member', carol.id, 'rm-1')
        self.assertEqual(removed['status'], 'ok')
        carol = WebUser(carol.id)
        self.assertEqual(
            (carol.active, carol.portal_removed_by, carol.portal_role_changed_by),
            (False, world['alice_user'], dave))
        # A copy made in Tryton names none of them.
        copy, = WebUser.copy([carol], default={'email': 'carol.copy@example.com'})
        self.assertEqual(
            (copy.portal_invited_by, copy.portal_role_changed_by, copy.portal_removed_by),
            (None, None, None))
