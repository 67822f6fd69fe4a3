"""Tests of the customer's writes on addresses and contact mechanisms (party.py), mixed into
PortalApiTestCase with WriteCases, whose helpers (customer_call) they use."""
import datetime

from trytond.modules.company.tests import set_company
from trytond.pool import Pool
from .world_cache import cached_world, with_transaction

try:
    import phonenumbers
except ImportError:
    phonenumbers = None

ADDRESS = {
    'name': 'Dépôt', 'street': '3 rue Neuve', 'postal_code': '69002', 'city': 'Lyon',
    'country': 'fr', 'subdivision': 'FR-69',
    }


class PartyWriteCases:
    "Addresses and contact mechanisms: ownership, version, idempotency, validation."

    @cached_world
    def make_party_world(self):
        """The world of the sales tests (its quotations use Alice's first address), France and
        Belgium, the Rhône (FR-69) and Flanders (BE-VLG), and a phone of Bob."""
        pool = Pool()
        Country = pool.get('country.country')
        Subdivision = pool.get('country.subdivision')
        ContactMechanism = pool.get('party.contact_mechanism')
        world = self.make_sales_world()
        france, belgium = Country.create([
                {'name': 'France', 'code': 'FR'}, {'name': 'Belgium', 'code': 'BE'}])
        Subdivision.create([
                {'name': 'Rhône', 'code': 'FR-69', 'type': 'department',
                    'country': france.id},
                {'name': 'Vlaanderen', 'code': 'BE-VLG', 'type': 'region',
                    'country': belgium.id},
                ])
        with set_company(world['company']):
            world['bob_phone'], = ContactMechanism.create([{
                        'party': world['bob'].id, 'type': 'phone',
                        'value': '+33 4 78 00 00 01'}])
        world['france'], world['belgium'] = france, belgium
        return world

    def stamp(self, model, record_id):
        record = Pool().get(model)(record_id)
        return record.write_date or record.create_date

    def address_state(self, address_id):
        "What an address is in Tryton, inactive ones included."
        Address = Pool().get('party.address')
        address, = Address.search([
                ('id', '=', address_id), ('active', 'in', [True, False])])
        return {
            'active': address.active, 'city': address.city,
            'version': address.write_date or address.create_date,
            'delivery': address.delivery, 'invoice': address.invoice,
            }

    def idempotency_count(self):
        return len(Pool().get('portal.idempotency').search([]))

    @with_transaction()
    def test_address_create_and_edit_in_place(self):
        "A new address is the customer's; an address no open sale uses is edited in place"
        Address = Pool().get('party.address')
        world = self.make_party_world()
        created = self.customer_call(world, 'create_address', 'k-1', ADDRESS)
        self.assertEqual(created['status'], 'ok')
        address = Address(created['address'])
        self.assertEqual(
            (address.party.id, address.street.splitlines()[-1], address.postal_code,
                address.city, address.country.code, address.subdivision.code),
            (world['alice'].id, '3 rue Neuve', '69002', 'Lyon', 'FR', 'FR-69'))
        # The building and the street both, whichever series composes the street.
        # (France's format writes the street in capitals.)
        self.assertIn('DÉPÔT', address.full_address.upper())
        self.assertIn('3 RUE NEUVE', address.full_address.upper())
        self.assertEqual(
            getattr(address, 'building_name', None) or getattr(address, 'name', None),
            'Dépôt')
        version = self.stamp('party.address', address.id)
        changed = dict(ADDRESS, city='Villeurbanne', postal_code='69100')
        result = self.customer_call(
            world, 'update_address', address.id, version, 'k-2', changed)
        self.assertEqual(result, {
                'status': 'ok', 'address': address.id, 'replaced': None,
                'replayed': False})
        self.assertEqual(Address(address.id).city, 'Villeurbanne')
        # The same key and input: the first answer; another input: refused.
        self.assertEqual(
            self.customer_call(
                world, 'update_address', address.id, version, 'k-2', changed),
            dict(result, replayed=True))
        self.assertEqual(
            self.customer_call(
                world, 'update_address', address.id, version, 'k-2',
                dict(changed, city='Bron')),
            {'status': 'idempotency_key_reused'})
        self.assertEqual(Address(address.id).city, 'Villeurbanne')

    @with_transaction()
    def test_address_of_open_sale_is_replaced(self):
        "An address an open sale uses is not changed under it: a new one replaces it"
        pool = Pool()
        Address = pool.get('party.address')
        Sale = pool.get('sale.sale')
        world = self.make_party_world()
        old = world['alice'].addresses[0]
        Address.write([old], {'delivery': True})
        quotation = world['sales_by_ref']['A-offer']
        result = self.customer_call(
            world, 'update_address', old.id, self.stamp('party.address', old.id), 'k-1',
            ADDRESS)
        self.assertEqual(result['status'], 'ok')
        self.assertEqual(result['replaced'], old.id)
        self.assertNotEqual(result['address'], old.id)
        self.assertEqual(self.address_state(old.id)['active'], False)
        self.assertEqual(self.address_state(old.id)['city'], 'Lyon')
        new = Address(result['address'])
        self.assertEqual(
            (new.party.id, new.city, new.street.splitlines()[-1], bool(new.delivery)),
            (world['alice'].id, 'Lyon', '3 rue Neuve', True))
        self.assertEqual(Sale(quotation.id).shipment_address.id, old.id)
        alice = Pool().get('party.party')(world['alice'].id)
        self.assertEqual(alice.address_get('delivery').id, new.id)

    @with_transaction()
    def test_archive_address(self):
        "Archiving deactivates the address; the sales that use it keep it"
        pool = Pool()
        Sale = pool.get('sale.sale')
        world = self.make_party_world()
        old = world['alice'].addresses[0]
        version = self.stamp('party.address', old.id)
        result = self.customer_call(world, 'archive_address', old.id, version, 'k-1')
        self.assertEqual(result['status'], 'ok')
        self.assertFalse(self.address_state(old.id)['active'])
        self.assertEqual(
            Sale(world['sales_by_ref']['A-offer'].id).shipment_address.id, old.id)
        self.assertEqual(
            self.customer_call(world, 'archive_address', old.id, version, 'k-1'),
            dict(result, replayed=True))
        # An archived address is not the customer's to write any more.
        self.assertEqual(
            self.customer_call(world, 'archive_address', old.id, version, 'k-2'),
            {'status': 'not_found', 'replayed': False})

    @with_transaction()
    def test_set_default_address(self):
        "The default address is the one Tryton picks for new sales, for each usage"
        Address = Pool().get('party.address')
        world = self.make_party_world()
        alice = world['alice']
        first = alice.addresses[0]
        second = Address(self.customer_call(world, 'create_address', 'k-1', ADDRESS)['address'])
        Address.write([first], {'delivery': True, 'invoice': True})
        result = self.customer_call(
            world, 'set_default_address', second.id,
            self.stamp('party.address', second.id), 'k-2', 'delivery')
        self.assertEqual(result['status'], 'ok')
        alice = Pool().get('party.party')(alice.id)
        self.assertEqual(alice.address_get('delivery').id, second.id)
        self.assertEqual(alice.address_get('invoice').id, first.id)
        self.assertEqual(
            (self.address_state(first.id)['delivery'],
                self.address_state(second.id)['delivery']), (False, True))
        result = self.customer_call(
            world, 'set_default_address', second.id,
            self.stamp('party.address', second.id), 'k-3', 'shipping')
        self.assertEqual(result['status'], 'invalid_input')
        self.assertEqual(result['errors'][0]['code'], 'USAGE_UNKNOWN')

    @with_transaction()
    def test_address_validation(self):
        "Bad input is field errors with stable codes, and nothing is written"
        pool = Pool()
        Address = pool.get('party.address')
        PostalCode = pool.get('country.postal_code')
        world = self.make_party_world()
        before = Address.search_count([('active', 'in', [True, False])])

        def codes(values):
            result = self.customer_call(world, 'create_address', 'k-x', values)
            self.assertEqual(result['status'], 'invalid_input')
            return sorted((e['field'], e['code']) for e in result['errors'])

        self.assertEqual(codes({'street': ' '}), [
                ('city', 'REQUIRED'), ('country', 'REQUIRED'), ('street', 'REQUIRED')])
        self.assertEqual(codes(dict(ADDRESS, country='XX')), [
                ('country', 'COUNTRY_UNKNOWN')])
        self.assertEqual(codes(dict(ADDRESS, subdivision='FR-00')), [
                ('subdivision', 'SUBDIVISION_UNKNOWN')])
        self.assertEqual(codes(dict(ADDRESS, city='x' * 101, postal_code='69;00')), [
                ('city', 'TOO_LONG'), ('postalCode', 'POSTAL_CODE_INVALID')])
        result = self.customer_call(
            world, 'create_address', 'k-x', dict(ADDRESS, subdivision='BE-VLG'))
        error, = result['errors']
        self.assertEqual(
            (error['field'], error['code']), ('subdivision', 'SUBDIVISION_NOT_IN_COUNTRY'))
        # Tryton's own message for the subdivision's domain, naming the value.
        self.assertIn('Vlaanderen', error['message'])
        # A kind of subdivision the country's addresses do not use (Tryton's domain).
        SubdivisionType = pool.get('party.address.subdivision_type')
        SubdivisionType.create([{'country_code': 'FR', 'types': ['region']}])
        self.assertEqual(codes(ADDRESS), [('subdivision', 'SUBDIVISION_TYPE_NOT_ALLOWED')])
        SubdivisionType.delete(SubdivisionType.search([('country_code', '=', 'FR')]))
        # Where the country's postal codes are loaded, an unknown one is refused.
        PostalCode.create([{'country': world['france'].id, 'postal_code': '69002',
                    'city': 'Lyon'}])
        self.assertEqual(codes(dict(ADDRESS, postal_code='69999')), [
                ('postalCode', 'POSTAL_CODE_UNKNOWN')])
        self.assertEqual(
            self.customer_call(world, 'create_address', 'k-y', ADDRESS)['status'], 'ok')
        self.assertEqual(
            Address.search_count([('active', 'in', [True, False])]), before + 1)
        self.assertEqual(self.idempotency_count(), 1)

    @with_transaction()
    def test_address_conflict(self):
        "A stale version is a conflict, and nothing is written"
        world = self.make_party_world()
        address = world['alice'].addresses[0]
        before = self.address_state(address.id)
        stale = before['version'] - datetime.timedelta(seconds=1)
        for method, args in [
                ('update_address', (ADDRESS,)),
                ('archive_address', ()),
                ('set_default_address', ('delivery',)),
                ]:
            # No subTest: on 7.0 the web user's lock restarts the test's transaction
            # (a TransactionError), which a subTest would swallow.
            result = self.customer_call(
                world, method, address.id, stale, 'k-' + method, *args)
            self.assertEqual(result, {
                    'status': 'conflict', 'state': 'active', 'replayed': False}, method)
        self.assertEqual(self.address_state(address.id), before)
        self.assertEqual(self.idempotency_count(), 0)

    @with_transaction()
    def test_party_writes_refuse_other_customer(self):
        "Another customer's address or contact is not found, and nothing is written"
        pool = Pool()
        Address = pool.get('party.address')
        ContactMechanism = pool.get('party.contact_mechanism')
        world = self.make_party_world()
        bobs = world['bob'].addresses[0]
        phone = world['bob_phone']
        address_before = self.address_state(bobs.id)
        phone_version = self.stamp('party.contact_mechanism', phone.id)
        addresses = Address.search_count([('active', 'in', [True, False])])
        version = address_before['version']
        for method, args in [
                ('update_address', (bobs.id, version, 'k-1', ADDRESS)),
                ('archive_address', (bobs.id, version, 'k-2')),
                ('set_default_address', (bobs.id, version, 'k-3', 'invoice')),
                ('update_contact', (phone.id, phone_version, 'k-4',
                        {'type': 'phone', 'value': '+33 4 78 00 00 09'})),
                ('remove_contact', (phone.id, phone_version, 'k-5')),
                # An id of the other model is not found either.
                ('update_contact', (bobs.id, version, 'k-6',
                        {'type': 'phone', 'value': '+33 4 78 00 00 09'})),
                ]:
            # No subTest: see test_address_conflict.
            self.assertEqual(
                self.customer_call(world, method, *args),
                {'status': 'not_found', 'replayed': False}, method)
        self.assertEqual(self.address_state(bobs.id), address_before)
        phone = ContactMechanism(phone.id)
        self.assertEqual(
            (phone.active, phone.value, self.stamp('party.contact_mechanism', phone.id)),
            (True, '+33 4 78 00 00 01', phone_version))
        self.assertEqual(
            Address.search_count([('active', 'in', [True, False])]), addresses)
        self.assertEqual(self.idempotency_count(), 0)

    @with_transaction()
    def test_contacts(self):
        "Phones and e-mails: added, edited and removed, checked by Tryton's own checks"
        ContactMechanism = Pool().get('party.contact_mechanism')
        world = self.make_party_world()
        result = self.customer_call(
            world, 'create_contact', 'k-1',
            {'type': 'phone', 'value': '+33 4 78 12 34 56', 'name': 'Accueil'})
        self.assertEqual(result['status'], 'ok')
        contact = ContactMechanism(result['contact'])
        self.assertEqual(
            (contact.party.id, contact.type, contact.name),
            (world['alice'].id, 'phone', 'Accueil'))
        version = self.stamp('party.contact_mechanism', contact.id)
        result = self.customer_call(
            world, 'update_contact', contact.id, version, 'k-2',
            {'type': 'email', 'value': 'compta@alice.example', 'name': None})
        self.assertEqual(result['status'], 'ok')
        contact = ContactMechanism(contact.id)
        self.assertEqual((contact.type, contact.value), ('email', 'compta@alice.example'))
        result = self.customer_call(
            world, 'create_contact', 'k-3', {'type': 'email', 'value': 'not an e-mail'})
        error, = result['errors']
        self.assertEqual((error['field'], error['code']), ('value', 'EMAIL_INVALID'))
        self.assertIn('not an e-mail', error['message'])
        if phonenumbers:
            result = self.customer_call(
                world, 'create_contact', 'k-4', {'type': 'mobile', 'value': '12'})
            error, = result['errors']
            self.assertEqual((error['field'], error['code']), ('value', 'PHONE_INVALID'))
        result = self.customer_call(
            world, 'create_contact', 'k-5', {'type': 'website', 'value': 'x.example'})
        self.assertEqual(result['errors'][0]['code'], 'TYPE_NOT_ALLOWED')
        version = self.stamp('party.contact_mechanism', contact.id)
        stale = version - datetime.timedelta(seconds=1)
        self.assertEqual(
            self.customer_call(world, 'remove_contact', contact.id, stale, 'k-6'),
            {'status': 'conflict', 'state': 'active', 'replayed': False})
        result = self.customer_call(world, 'remove_contact', contact.id, version, 'k-7')
        self.assertEqual(result['status'], 'ok')
        contact, = ContactMechanism.search([
                ('id', '=', contact.id), ('active', 'in', [True, False])])
        self.assertFalse(contact.active)
        self.assertEqual(
            ContactMechanism.search_count([('party', '=', world['alice'].id)]), 1)
