"""The customer's writes on their own details: addresses and contact mechanisms (issue 14).

Each runs through `writes.run_write` (ownership, version, idempotency: see there). A record is
the customer's when it is active and belongs to one of the web user's parties; new records go
to the web user's own party.

Addresses are checked as Tryton checks them, before anything is written, so that a refusal is
a field error and not a rolled-back call: the country must exist, the subdivision must be of
that country and of a kind the country's addresses use (the domain of
`party.address.subdivision`, with Tryton's message). Tryton does
not check a postal code's format; where the country's postal codes are loaded
(`country.postal_code`, trytond_import_postal_codes), a code unknown to it is refused, and
anything but letters, digits, spaces and dashes always is.

An address used by an open sale (draft, quotation, confirmed, processing: as its invoice or
shipment address) is not changed under that sale: editing it creates a new address with the
changes (keeping its default flags) and archives the old one, which the sale keeps. An address
no open sale uses is edited in place. Archiving sets `active` False; nothing is deleted, so
past orders, invoices and shipments keep their address.

The default delivery (invoice) address is the one Tryton's `party.address_get('delivery')`
(`'invoice'`) gives: the first active address with the `delivery` (`invoice`) flag of the stock
(account_invoice) module, the same flags on 7.0, 7.6 and 8.0. Setting it flags that address
and unflags the party's others, so that it is the one Tryton picks for new sales.

Contact mechanisms: phones, mobiles and e-mails only, checked with Tryton's own checks
(`check_valid_phonenumber`, `check_valid_email`) and their messages; Tryton checks e-mails
only where `email_validator` is installed, so an e-mail's syntax is checked here too. Removing one archives it
(it may be named on sales).
"""
import re

from trytond.i18n import gettext
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool, PoolMeta
from trytond.rpc import RPC

from .authors import set_changed_by
from .writes import field_error, invalid, run_write, same_version

OPEN_SALE_STATES = ['draft', 'quotation', 'confirmed', 'processing']
CONTACT_TYPES = ['phone', 'mobile', 'email']
USAGES = ['delivery', 'invoice']
# The longest text of each address field the portal accepts.
ADDRESS_LIMITS = {'name': 100, 'street': 500, 'postal_code': 20, 'city': 100}
# Address fields a customer must give: where the goods and the invoices go.
ADDRESS_REQUIRED = ['street', 'city', 'country']
POSTAL_CODE = re.compile(r'^[A-Za-z0-9][A-Za-z0-9 -]*$')
EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
MAX_CONTACT_VALUE = 200
MAX_CONTACT_NAME = 100
# The street's parts from 7.2, which win over the unstructured street when they are set.
STREET_PARTS = ['street_name', 'building_number', 'unit_number', 'floor_number',
    'room_number', 'post_box', 'private_bag', 'post_office']
# The portal's field names (the GraphQL input's), by Tryton's.
FIELD_NAMES = {'postal_code': 'postalCode'}


def building_field():
    "The building's name: `name` up to 7.0, `building_name` from 7.2."
    Address = Pool().get('party.address')
    return 'building_name' if 'building_name' in Address._fields else 'name'


def street_values(street):
    """The street as the customer typed it. Up to 7.0 `street` is a text. From 7.2 it is
    composed from parts with the building's name, by the country's street format, and the
    unstructured street is used only when no part is set (writing `street` also empties the
    building's name): the customer's street is written as Tryton's street name, on one line,
    beside the building's name, and the other parts are emptied."""
    Address = Pool().get('party.address')
    if 'street_unstructured' not in Address._fields:
        return {'street': street}
    values = {'street_unstructured': None}
    for part in STREET_PARTS:
        if part in Address._fields:
            values[part] = None
    values['street_name'] = ', '.join(
        line.strip() for line in (street or '').splitlines() if line.strip()) or None
    return values


def clean(value, limit):
    "The stripped text or None when empty; False when not text or longer than `limit`."
    if value is None:
        return None
    if not isinstance(value, str) or len(value.strip()) > limit:
        return False
    return value.strip() or None


def find_own(model, record_id, parties):
    "The active record `record_id` of `model` of one of `parties` (as root), or None."
    Model = Pool().get(model)
    if not isinstance(record_id, int) or isinstance(record_id, bool) or not parties:
        return None
    records = Model.search([
            ('id', '=', record_id),
            ('party', 'in', parties),
            ], limit=1)
    return records[0] if records else None


def owned(record, version):
    "Why the customer cannot write `record` now, or None."
    if record is None:
        return {'status': 'not_found'}
    if not same_version(record, version):
        return {'status': 'conflict', 'state': 'active'}
    return None


def domain_message(Model, field, record, fallback):
    "Tryton's message for a value outside a field's domain, in the context's language."
    try:
        return gettext(
            'ir.msg_domain_validation_record', **Model.__names__(field, record))
    except Exception:
        return fallback


def address_values(values, party):
    """The Tryton values of an address input, or the field errors: the checks Tryton makes
    when it saves (country, subdivision of that country) and the portal's (required fields,
    lengths, postal code)."""
    pool = Pool()
    Address = pool.get('party.address')
    Country = pool.get('country.country')
    Subdivision = pool.get('country.subdivision')
    PostalCode = pool.get('country.postal_code')
    SubdivisionType = pool.get('party.address.subdivision_type')
    values = values if isinstance(values, dict) else {}
    errors, result = [], {}
    for name, limit in ADDRESS_LIMITS.items():
        result[name] = clean(values.get(name), limit)
        if result[name] is False:
            errors.append(field_error(
                    FIELD_NAMES.get(name, name), 'TOO_LONG',
                    'At most %s characters.' % limit))
    country = None
    code = values.get('country')
    if isinstance(code, str) and code.strip():
        countries = Country.search([('code', '=', code.strip().upper())], limit=1)
        if countries:
            country = countries[0]
        else:
            errors.append(field_error(
                    'country', 'COUNTRY_UNKNOWN', 'Unknown country: %s.' % code.strip()))
    for name in ADDRESS_REQUIRED:
        if name == 'country':
            missing = not (isinstance(code, str) and code.strip())
        else:
            missing = result.get(name) is None
        if missing:
            errors.append(field_error(name, 'REQUIRED', 'This field is required.'))
    subdivision = None
    code = values.get('subdivision')
    if isinstance(code, str) and code.strip():
        subdivisions = Subdivision.search([('code', '=', code.strip().upper())], limit=1)
        if not subdivisions:
            errors.append(field_error(
                    'subdivision', 'SUBDIVISION_UNKNOWN',
                    'Unknown subdivision: %s.' % code.strip()))
        elif country and subdivisions[0].country != country:
            subdivision = subdivisions[0]
            record = Address(party=party, country=country, subdivision=subdivision,
                city=result.get('city'), postal_code=result.get('postal_code'))
            errors.append(field_error(
                    'subdivision', 'SUBDIVISION_NOT_IN_COUNTRY',
                    domain_message(Address, 'subdivision', record,
                        'The subdivision is not in the country.')))
        else:
            subdivision = subdivisions[0]
            types = SubdivisionType.get_types(country) if country else []
            if types and subdivision.type not in types:
                record = Address(party=party, country=country, subdivision=subdivision)
                errors.append(field_error(
                        'subdivision', 'SUBDIVISION_TYPE_NOT_ALLOWED',
                        domain_message(Address, 'subdivision', record,
                            'Addresses of this country do not use this kind of '
                            'subdivision.')))
    postal_code = result.get('postal_code')
    if postal_code:
        if not POSTAL_CODE.match(postal_code):
            errors.append(field_error(
                    'postalCode', 'POSTAL_CODE_INVALID',
                    'A postal code has letters, digits, spaces and dashes only.'))
        elif country and PostalCode.search([('country', '=', country.id)], limit=1):
            if not PostalCode.search([
                        ('country', '=', country.id),
                        ('postal_code', '=', postal_code),
                        ], limit=1):
                errors.append(field_error(
                        'postalCode', 'POSTAL_CODE_UNKNOWN',
                        'Unknown postal code in %s: %s.' % (country.name, postal_code)))
    if errors:
        return None, errors
    return dict(street_values(result['street']), **{
        building_field(): result['name'],
        'postal_code': postal_code,
        'city': result['city'],
        'country': country.id if country else None,
        'subdivision': subdivision.id if subdivision else None,
        }), []


def contact_values(values, party):
    """The Tryton values of a contact mechanism input, or the field errors, checked with
    Tryton's own phone and e-mail checks and their messages."""
    ContactMechanism = Pool().get('party.contact_mechanism')
    values = values if isinstance(values, dict) else {}
    errors = []
    type_ = values.get('type')
    if type_ not in CONTACT_TYPES:
        errors.append(field_error(
                'type', 'TYPE_NOT_ALLOWED',
                'A contact is a phone, a mobile or an e-mail (%s).' % ', '.join(CONTACT_TYPES)))
    value = clean(values.get('value'), MAX_CONTACT_VALUE)
    if not value:
        errors.append(field_error(
                'value', 'REQUIRED' if value is None else 'TOO_LONG',
                'Give the number or the address (%s characters at most).'
                % MAX_CONTACT_VALUE))
    name = clean(values.get('name'), MAX_CONTACT_NAME)
    if name is False:
        errors.append(field_error(
                'name', 'TOO_LONG', 'At most %s characters.' % MAX_CONTACT_NAME))
    if errors:
        return None, errors
    mechanism = ContactMechanism(party=party, type=type_, value=value)
    for check, code in [
            (ContactMechanism.check_valid_phonenumber, 'PHONE_INVALID'),
            (ContactMechanism.check_valid_email, 'EMAIL_INVALID')]:
        try:
            check([mechanism])
        except ValidationError as error:
            return None, [field_error('value', code, error.message)]
    # Tryton checks e-mails only where email_validator is installed: the form, always.
    if type_ == 'email' and not EMAIL.match(value):
        return None, [field_error(
                'value', 'EMAIL_INVALID', 'Not an e-mail address: %s.' % value)]
    return {'type': type_, 'value': value, 'name': name}, []


def used_by_open_sale(address):
    Sale = Pool().get('sale.sale')
    return bool(Sale.search([
                ('state', 'in', OPEN_SALE_STATES),
                ['OR',
                    ('invoice_address', '=', address.id),
                    ('shipment_address', '=', address.id),
                    ],
                ], limit=1))


def replace_address(address, changes):
    """A new address of the same party with `changes` and the old one's flags and place,
    and the old one archived (the open sales that use it keep it)."""
    Address = Pool().get('party.address')
    kept = {'party': address.party.id, 'party_name': address.party_name,
        'sequence': address.sequence}
    for usage in USAGES:
        kept[usage] = bool(getattr(address, usage, False))
    new, = Address.create([dict(kept, **changes)])
    Address.write([address], {'active': False})
    return new


# What each write did, in the note left on the customer's party for the staff (issue 16).
AUTHORED = {
    'create_address': 'Address %(address)s added',
    'update_address': 'Address %(address)s changed',
    'archive_address': 'Address %(address)s archived',
    'set_default_address': 'Address %(address)s made the default',
    'create_contact': 'Contact %(contact)s added',
    'update_contact': 'Contact %(contact)s changed',
    'remove_contact': 'Contact %(contact)s removed',
    }


def authored(operation, act):
    """`act`, and on success the member as the record's `portal_changed_by` (authors.py) and
    a note on the member's party saying who did it: the writes run as root, so Tryton's own
    write user would not name the member of the customer."""
    def run(user, parties):
        result = act(user, parties)
        if result.get('status') == 'ok':
            if result.get('address'):
                set_changed_by('party.address', result['address'], user)
            if result.get('contact'):
                set_changed_by('party.contact_mechanism', result['contact'], user)
        if result.get('status') == 'ok' and user.party:
            what = AUTHORED[operation] % {
                'address': result.get('address'), 'contact': result.get('contact')}
            Pool().get('ir.note').create([{
                        'resource': str(user.party),
                        'message': '%s on the portal by %s.' % (what, user.email),
                        }])
        return result
    return run


class PortalGateway(metaclass=PoolMeta):
    "The customer's writes on their addresses and contact mechanisms."
    __name__ = 'portal.gateway'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        write = RPC(readonly=False, check_access=False)
        cls.__rpc__.update({
                'create_address': write,
                'update_address': write,
                'archive_address': write,
                'set_default_address': write,
                'create_contact': write,
                'update_contact': write,
                'remove_contact': write,
                })

    @classmethod
    def create_address(cls, key, values):
        """A new address of the web user's party: `values` = {"name", "street",
        "postal_code", "city", "country" (ISO code), "subdivision" (ISO code)}."""
        payload = {'values': values}

        def act(user, parties):
            Address = Pool().get('party.address')
            party = user.party
            if party is None:
                return {'status': 'not_found'}
            changes, errors = address_values(values, party)
            if errors:
                return invalid(*errors)
            address, = Address.create([dict(changes, party=party.id)])
            return {'status': 'ok', 'address': address.id, 'replaced': None}
        return run_write('create_address', key, payload, authored('create_address', act))

    @classmethod
    def update_address(cls, address_id, version, key, values):
        """Changes one of the customer's addresses (same `values` as create_address): in
        place, or, when an open sale uses it, as a new address that replaces it."""
        payload = {'address': address_id, 'version': version, 'values': values}

        def act(user, parties):
            Address = Pool().get('party.address')
            address = find_own('party.address', address_id, parties)
            refused = owned(address, version)
            if refused:
                return refused
            changes, errors = address_values(values, address.party)
            if errors:
                return invalid(*errors)
            if used_by_open_sale(address):
                new = replace_address(address, changes)
                return {'status': 'ok', 'address': new.id, 'replaced': address.id}
            Address.write([address], changes)
            return {'status': 'ok', 'address': address.id, 'replaced': None}
        return run_write('update_address', key, payload, authored('update_address', act))

    @classmethod
    def archive_address(cls, address_id, version, key):
        "Archives one of the customer's addresses; the orders that use it keep it."
        payload = {'address': address_id, 'version': version}

        def act(user, parties):
            Address = Pool().get('party.address')
            address = find_own('party.address', address_id, parties)
            refused = owned(address, version)
            if refused:
                return refused
            Address.write([address], {'active': False})
            return {'status': 'ok', 'address': address.id, 'replaced': None}
        return run_write('archive_address', key, payload, authored('archive_address', act))

    @classmethod
    def set_default_address(cls, address_id, version, key, usage):
        """Makes one of the customer's addresses the one Tryton picks for `usage`
        (`delivery` or `invoice`): flagged, and the party's other addresses unflagged."""
        if usage not in USAGES:
            return invalid(field_error(
                    'usage', 'USAGE_UNKNOWN', 'The usage is delivery or invoice.'))
        payload = {'address': address_id, 'version': version, 'usage': usage}

        def act(user, parties):
            Address = Pool().get('party.address')
            address = find_own('party.address', address_id, parties)
            refused = owned(address, version)
            if refused:
                return refused
            others = Address.search([
                    ('party', '=', address.party.id),
                    ('id', '!=', address.id),
                    (usage, '=', True),
                    ])
            to_write = []
            if others:
                to_write += [others, {usage: False}]
            if not getattr(address, usage):
                to_write += [[address], {usage: True}]
            if to_write:
                Address.write(*to_write)
            return {'status': 'ok', 'address': address.id, 'replaced': None}
        return run_write(
            'set_default_address', key, payload, authored('set_default_address', act))

    @classmethod
    def create_contact(cls, key, values):
        """A new phone, mobile or e-mail of the web user's party: `values` = {"type",
        "value", "name"}."""
        payload = {'values': values}

        def act(user, parties):
            ContactMechanism = Pool().get('party.contact_mechanism')
            party = user.party
            if party is None:
                return {'status': 'not_found'}
            changes, errors = contact_values(values, party)
            if errors:
                return invalid(*errors)
            contact, = ContactMechanism.create([dict(changes, party=party.id)])
            return {'status': 'ok', 'contact': contact.id}
        return run_write('create_contact', key, payload, authored('create_contact', act))

    @classmethod
    def update_contact(cls, contact_id, version, key, values):
        "Changes one of the customer's phones, mobiles or e-mails (same `values`)."
        payload = {'contact': contact_id, 'version': version, 'values': values}

        def act(user, parties):
            ContactMechanism = Pool().get('party.contact_mechanism')
            contact = find_own('party.contact_mechanism', contact_id, parties)
            refused = owned(contact, version)
            if refused:
                return refused
            if contact.type not in CONTACT_TYPES:
                return {'status': 'invalid_state', 'state': contact.type}
            changes, errors = contact_values(values, contact.party)
            if errors:
                return invalid(*errors)
            ContactMechanism.write([contact], changes)
            return {'status': 'ok', 'contact': contact.id}
        return run_write('update_contact', key, payload, authored('update_contact', act))

    @classmethod
    def remove_contact(cls, contact_id, version, key):
        "Removes (archives) one of the customer's phones, mobiles or e-mails."
        payload = {'contact': contact_id, 'version': version}

        def act(user, parties):
            ContactMechanism = Pool().get('party.contact_mechanism')
            contact = find_own('party.contact_mechanism', contact_id, parties)
            refused = owned(contact, version)
            if refused:
                return refused
            if contact.type not in CONTACT_TYPES:
                return {'status': 'invalid_state', 'state': contact.type}
            ContactMechanism.write([contact], {'active': False})
            return {'status': 'ok', 'contact': contact.id}
        return run_write('remove_contact', key, payload, authored('remove_contact', act))
